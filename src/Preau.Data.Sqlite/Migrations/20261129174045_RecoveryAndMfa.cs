using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecoveryAndMfa : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
