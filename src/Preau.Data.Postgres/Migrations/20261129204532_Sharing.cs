using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Sharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "shr_bookmarks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shr_bookmarks", x => x.id);
                    table.ForeignKey(
                        name: "fk_shr_bookmarks_dir_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shr_shares",
                columns: table => new
                {
                    resource_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    principal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    principal_kind = table.Column<int>(type: "integer", nullable: false),
                    rights = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shr_shares", x => new { x.resource_type, x.resource_id, x.principal_id });
                });

            migrationBuilder.CreateTable(
                name: "shr_bookmark_members",
                columns: table => new
                {
                    bookmark_id = table.Column<Guid>(type: "uuid", nullable: false),
                    principal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    principal_kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shr_bookmark_members", x => new { x.bookmark_id, x.principal_id });
                    table.ForeignKey(
                        name: "fk_shr_bookmark_members_shr_bookmarks_bookmark_id",
                        column: x => x.bookmark_id,
                        principalTable: "shr_bookmarks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_shr_bookmarks_owner_id",
                table: "shr_bookmarks",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_shr_shares_principal_id_resource_type_resource_id",
                table: "shr_shares",
                columns: new[] { "principal_id", "resource_type", "resource_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shr_bookmark_members");

            migrationBuilder.DropTable(
                name: "shr_shares");

            migrationBuilder.DropTable(
                name: "shr_bookmarks");
        }
    }
}
