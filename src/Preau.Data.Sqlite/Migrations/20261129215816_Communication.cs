using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ann_photos",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    tag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    mood = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    motto = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                    show_email = table.Column<bool>(type: "INTEGER", nullable: false),
                    show_phone = table.Column<bool>(type: "INTEGER", nullable: false),
                    show_birth_date = table.Column<bool>(type: "INTEGER", nullable: false),
                    photo_tag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "app_rights",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    structure_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    profile = table.Column<int>(type: "INTEGER", nullable: true),
                    group_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    allowed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_rights", x => x.id);
                    table.ForeignKey(
                        name: "fk_app_rights_dir_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "dir_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_app_rights_dir_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "dir_structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "com_links",
                columns: table => new
                {
                    from_group_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    to_group_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    structure_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relatives_reach_children = table.Column<bool>(type: "INTEGER", nullable: false),
                    children_reach_relatives = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "shr_bookmarks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    resource_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    principal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    principal_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    rights = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shr_shares", x => new { x.resource_type, x.resource_id, x.principal_id });
                });

            migrationBuilder.CreateTable(
                name: "shr_bookmark_members",
                columns: table => new
                {
                    bookmark_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    principal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    principal_kind = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "ix_app_rights_group_id",
                table: "app_rights",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_app_rights_structure_id_action",
                table: "app_rights",
                columns: new[] { "structure_id", "action" });

            migrationBuilder.CreateIndex(
                name: "ix_com_links_to_group_id",
                table: "com_links",
                column: "to_group_id");

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
                name: "ann_photos");

            migrationBuilder.DropTable(
                name: "ann_profiles");

            migrationBuilder.DropTable(
                name: "app_rights");

            migrationBuilder.DropTable(
                name: "com_links");

            migrationBuilder.DropTable(
                name: "com_structure_rules");

            migrationBuilder.DropTable(
                name: "shr_bookmark_members");

            migrationBuilder.DropTable(
                name: "shr_shares");

            migrationBuilder.DropTable(
                name: "shr_bookmarks");

            migrationBuilder.DropColumn(
                name: "members",
                table: "dir_groups");
        }
    }
}
