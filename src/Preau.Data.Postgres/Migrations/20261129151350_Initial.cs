using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dir_structures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uai = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dir_structures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dir_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    login = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    profile = table.Column<int>(type: "integer", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    password_hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    security_stamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_login_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    color_scheme = table.Column<int>(type: "integer", nullable: false),
                    high_contrast = table.Column<bool>(type: "boolean", nullable: false),
                    dyslexia_font = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dir_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dir_classes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dir_classes", x => x.id);
                    table.ForeignKey(
                        name: "fk_dir_classes_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "dir_structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dir_parent_links",
                columns: table => new
                {
                    relative_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dir_parent_links", x => new { x.relative_id, x.student_id });
                    table.ForeignKey(
                        name: "fk_dir_parent_links_users_relative_id",
                        column: x => x.relative_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dir_parent_links_users_student_id",
                        column: x => x.student_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dir_user_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    persistent = table.Column<bool>(type: "boolean", nullable: false),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dir_user_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_dir_user_sessions_dir_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dir_function_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    function = table.Column<int>(type: "integer", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    class_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dir_function_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_dir_function_grants_classes_class_id",
                        column: x => x.class_id,
                        principalTable: "dir_classes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dir_function_grants_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "dir_structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dir_function_grants_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dir_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    class_id = table.Column<Guid>(type: "uuid", nullable: true),
                    profile = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dir_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_dir_groups_classes_class_id",
                        column: x => x.class_id,
                        principalTable: "dir_classes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dir_groups_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "dir_structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dir_group_members",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dir_group_members", x => new { x.user_id, x.group_id });
                    table.ForeignKey(
                        name: "fk_dir_group_members_dir_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "dir_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dir_group_members_users_user_id",
                        column: x => x.user_id,
                        principalTable: "dir_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dir_classes_structure_id_name",
                table: "dir_classes",
                columns: new[] { "structure_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dir_function_grants_class_id",
                table: "dir_function_grants",
                column: "class_id");

            migrationBuilder.CreateIndex(
                name: "ix_dir_function_grants_structure_id",
                table: "dir_function_grants",
                column: "structure_id");

            migrationBuilder.CreateIndex(
                name: "ix_dir_function_grants_user_id_function_structure_id_class_id",
                table: "dir_function_grants",
                columns: new[] { "user_id", "function", "structure_id", "class_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dir_group_members_group_id",
                table: "dir_group_members",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_dir_groups_class_id",
                table: "dir_groups",
                column: "class_id");

            migrationBuilder.CreateIndex(
                name: "ix_dir_groups_structure_id_class_id_profile",
                table: "dir_groups",
                columns: new[] { "structure_id", "class_id", "profile" });

            migrationBuilder.CreateIndex(
                name: "ix_dir_parent_links_student_id",
                table: "dir_parent_links",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_dir_structures_uai",
                table: "dir_structures",
                column: "uai",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dir_user_sessions_user_id",
                table: "dir_user_sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_dir_users_email",
                table: "dir_users",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_dir_users_login",
                table: "dir_users",
                column: "login",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dir_function_grants");

            migrationBuilder.DropTable(
                name: "dir_group_members");

            migrationBuilder.DropTable(
                name: "dir_parent_links");

            migrationBuilder.DropTable(
                name: "dir_user_sessions");

            migrationBuilder.DropTable(
                name: "dir_groups");

            migrationBuilder.DropTable(
                name: "dir_users");

            migrationBuilder.DropTable(
                name: "dir_classes");

            migrationBuilder.DropTable(
                name: "dir_structures");
        }
    }
}
