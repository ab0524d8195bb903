using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FlashMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "flh_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title_fr = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    text_fr = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    title_en = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    text_en = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    profiles = table.Column<int>(type: "INTEGER", nullable: false),
                    all_structures = table.Column<bool>(type: "INTEGER", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flh_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "flh_dismissals",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flh_dismissals", x => new { x.user_id, x.message_id });
                    table.ForeignKey(
                        name: "fk_flh_dismissals_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_flh_dismissals_flash_message_message_id",
                        column: x => x.message_id,
                        principalTable: "flh_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "flh_message_structures",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    structure_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flh_message_structures", x => new { x.message_id, x.structure_id });
                    table.ForeignKey(
                        name: "fk_flh_message_structures_dir_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "dir_structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_flh_message_structures_flh_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "flh_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_flh_dismissals_message_id",
                table: "flh_dismissals",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_flh_message_structures_structure_id_message_id",
                table: "flh_message_structures",
                columns: new[] { "structure_id", "message_id" });

            migrationBuilder.CreateIndex(
                name: "ix_flh_messages_ends_at",
                table: "flh_messages",
                column: "ends_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "flh_dismissals");

            migrationBuilder.DropTable(
                name: "flh_message_structures");

            migrationBuilder.DropTable(
                name: "flh_messages");
        }
    }
}
