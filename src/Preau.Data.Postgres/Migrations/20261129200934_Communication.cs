using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Communication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "members",
                table: "dir_groups",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "com_links",
                columns: table => new
                {
                    from_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_links", x => new { x.from_group_id, x.to_group_id });
                    table.ForeignKey(
                        name: "fk_com_links_groups_from_group_id",
                        column: x => x.from_group_id,
                        principalTable: "dir_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_com_links_groups_to_group_id",
                        column: x => x.to_group_id,
                        principalTable: "dir_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "com_structure_rules",
                columns: table => new
                {
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relatives_reach_children = table.Column<bool>(type: "boolean", nullable: false),
                    children_reach_relatives = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_com_structure_rules", x => x.structure_id);
                    table.ForeignKey(
                        name: "fk_com_structure_rules_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "dir_structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_com_links_to_group_id",
                table: "com_links",
                column: "to_group_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "com_links");

            migrationBuilder.DropTable(
                name: "com_structure_rules");

            migrationBuilder.DropColumn(
                name: "members",
                table: "dir_groups");
        }
    }
}
