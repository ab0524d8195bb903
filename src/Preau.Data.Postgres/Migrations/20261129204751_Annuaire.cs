using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Annuaire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ann_photos",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ann_photos", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_ann_photos_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ann_profiles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mood = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    motto = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: true),
                    show_email = table.Column<bool>(type: "boolean", nullable: false),
                    show_phone = table.Column<bool>(type: "boolean", nullable: false),
                    show_birth_date = table.Column<bool>(type: "boolean", nullable: false),
                    photo_tag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ann_profiles", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_ann_profiles_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ann_photos");

            migrationBuilder.DropTable(
                name: "ann_profiles");
        }
    }
}
