using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Push : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fed_push_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    public_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    private_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_push_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fed_push_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    endpoint = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    p256dh = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    auth = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_success_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fed_push_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_fed_push_subscriptions_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fed_push_subscriptions_endpoint",
                table: "fed_push_subscriptions",
                column: "endpoint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fed_push_subscriptions_user_id",
                table: "fed_push_subscriptions",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fed_push_keys");

            migrationBuilder.DropTable(
                name: "fed_push_subscriptions");
        }
    }
}
