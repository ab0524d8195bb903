using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AdminConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "search_name",
                table: "dir_users",
                type: "character varying(220)",
                maxLength: 220,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_dir_users_search_name",
                table: "dir_users",
                column: "search_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dir_users_search_name",
                table: "dir_users");

            migrationBuilder.DropColumn(
                name: "search_name",
                table: "dir_users");
        }
    }
}
