using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Sqlite.Migrations
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

            migrationBuilder.AddColumn<long>(
                name: "activation_code_expires_at",
                table: "dir_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "activation_code_hash",
                table: "dir_users",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "charter_accepted_at",
                table: "dir_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "detached_at",
                table: "dir_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "dir_users",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_name",
                table: "dir_users",
                type: "TEXT",
                maxLength: 220,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "charter",
                table: "dir_structures",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "school_year",
                table: "dir_structures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2026);

            migrationBuilder.AddColumn<long>(
                name: "archived_at",
                table: "dir_classes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "school_year",
                table: "dir_classes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2026);

            migrationBuilder.CreateTable(
                name: "acc_mfa",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    protected_secret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    enabled_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_used_step = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_mfa", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_acc_mfa_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_mfa_recovery_codes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_mfa_recovery_codes", x => x.id);
                    table.ForeignKey(
                        name: "fk_acc_mfa_recovery_codes_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_reset_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    link_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_reset_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_acc_reset_tokens_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acc_trusted_devices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_used_at = table.Column<long>(type: "INTEGER", nullable: false),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_trusted_devices", x => x.id);
                    table.ForeignKey(
                        name: "fk_acc_trusted_devices_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    target_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    target_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    structure_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dir_blocked_profiles",
                columns: table => new
                {
                    structure_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    profile = table.Column<int>(type: "INTEGER", nullable: false),
                    blocked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    blocked_by = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dir_blocked_profiles", x => new { x.structure_id, x.profile });
                });

            migrationBuilder.CreateTable(
                name: "imp_detachments",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    structure_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    detached_at = table.Column<long>(type: "INTEGER", nullable: false),
                    import_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    group_ids = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imp_detachments", x => new { x.user_id, x.structure_id });
                    table.ForeignKey(
                        name: "fk_imp_detachments_dir_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "dir_structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_imp_detachments_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "imp_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    structure_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    encoding = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    delimiter = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    data_lines = table.Column<int>(type: "INTEGER", nullable: false),
                    mapping = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    detach_absent = table.Column<bool>(type: "INTEGER", nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    uploaded_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    applied_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    applied_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    applied_from_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    applied_from_agent = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    queued_at = table.Column<long>(type: "INTEGER", nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    moved = table.Column<int>(type: "INTEGER", nullable: false),
                    detached = table.Column<int>(type: "INTEGER", nullable: false),
                    restored = table.Column<int>(type: "INTEGER", nullable: false),
                    rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    classes_created = table.Column<int>(type: "INTEGER", nullable: false),
                    links_added = table.Column<int>(type: "INTEGER", nullable: false),
                    touched_classes = table.Column<string>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imp_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_imp_runs_dir_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "dir_structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "ix_dir_users_search_name",
                table: "dir_users",
                column: "search_name");

            migrationBuilder.CreateIndex(
                name: "ix_dir_classes_structure_id_school_year_name",
                table: "dir_classes",
                columns: new[] { "structure_id", "school_year", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_acc_mfa_recovery_codes_user_id",
                table: "acc_mfa_recovery_codes",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_acc_reset_tokens_link_hash",
                table: "acc_reset_tokens",
                column: "link_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_acc_reset_tokens_user_id",
                table: "acc_reset_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_acc_trusted_devices_token_hash",
                table: "acc_trusted_devices",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_acc_trusted_devices_user_id",
                table: "acc_trusted_devices",
                column: "user_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_imp_detachments_detached_at",
                table: "imp_detachments",
                column: "detached_at");

            migrationBuilder.CreateIndex(
                name: "ix_imp_detachments_structure_id_detached_at",
                table: "imp_detachments",
                columns: new[] { "structure_id", "detached_at" });

            migrationBuilder.CreateIndex(
                name: "ix_imp_runs_state",
                table: "imp_runs",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "ix_imp_runs_structure_id_uploaded_at",
                table: "imp_runs",
                columns: new[] { "structure_id", "uploaded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acc_mfa");

            migrationBuilder.DropTable(
                name: "acc_mfa_recovery_codes");

            migrationBuilder.DropTable(
                name: "acc_reset_tokens");

            migrationBuilder.DropTable(
                name: "acc_trusted_devices");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "dir_blocked_profiles");

            migrationBuilder.DropTable(
                name: "imp_detachments");

            migrationBuilder.DropTable(
                name: "imp_runs");

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
                name: "ix_dir_users_search_name",
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
                name: "search_name",
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
