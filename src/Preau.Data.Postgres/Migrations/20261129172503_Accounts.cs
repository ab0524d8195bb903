using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Accounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dir_classes_structure_id_name",
                table: "dir_classes");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "activation_code_expires_at",
                table: "dir_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "activation_code_hash",
                table: "dir_users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "charter_accepted_at",
                table: "dir_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "detached_at",
                table: "dir_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "dir_users",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "charter",
                table: "dir_structures",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "school_year",
                table: "dir_structures",
                type: "integer",
                nullable: false,
                defaultValue: 2026);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "archived_at",
                table: "dir_classes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "school_year",
                table: "dir_classes",
                type: "integer",
                nullable: false,
                defaultValue: 2026);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    target_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dir_blocked_profiles",
                columns: table => new
                {
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile = table.Column<int>(type: "integer", nullable: false),
                    blocked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    blocked_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dir_blocked_profiles", x => new { x.structure_id, x.profile });
                });

            migrationBuilder.CreateIndex(
                name: "ix_dir_users_detached_at",
                table: "dir_users",
                column: "detached_at");

            migrationBuilder.CreateIndex(
                name: "ix_dir_users_external_id",
                table: "dir_users",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dir_users_last_name_first_name_birth_date",
                table: "dir_users",
                columns: new[] { "last_name", "first_name", "birth_date" });

            migrationBuilder.CreateIndex(
                name: "ix_dir_classes_structure_id_school_year_name",
                table: "dir_classes",
                columns: new[] { "structure_id", "school_year", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_structure_id_at",
                table: "audit_entries",
                columns: new[] { "structure_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_target_user_id_at",
                table: "audit_entries",
                columns: new[] { "target_user_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "dir_blocked_profiles");

            migrationBuilder.DropIndex(
                name: "ix_dir_users_detached_at",
                table: "dir_users");

            migrationBuilder.DropIndex(
                name: "ix_dir_users_external_id",
                table: "dir_users");

            migrationBuilder.DropIndex(
                name: "ix_dir_users_last_name_first_name_birth_date",
                table: "dir_users");

            migrationBuilder.DropIndex(
                name: "ix_dir_classes_structure_id_school_year_name",
                table: "dir_classes");

            migrationBuilder.DropColumn(
                name: "activation_code_expires_at",
                table: "dir_users");

            migrationBuilder.DropColumn(
                name: "activation_code_hash",
                table: "dir_users");

            migrationBuilder.DropColumn(
                name: "charter_accepted_at",
                table: "dir_users");

            migrationBuilder.DropColumn(
                name: "detached_at",
                table: "dir_users");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "dir_users");

            migrationBuilder.DropColumn(
                name: "charter",
                table: "dir_structures");

            migrationBuilder.DropColumn(
                name: "school_year",
                table: "dir_structures");

            migrationBuilder.DropColumn(
                name: "archived_at",
                table: "dir_classes");

            migrationBuilder.DropColumn(
                name: "school_year",
                table: "dir_classes");

            migrationBuilder.CreateIndex(
                name: "ix_dir_classes_structure_id_name",
                table: "dir_classes",
                columns: new[] { "structure_id", "name" },
                unique: true);
        }
    }
}
