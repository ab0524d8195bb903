using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Provisioning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "imp_detachments",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    detached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: true),
                    group_ids = table.Column<string>(type: "text", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    encoding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    delimiter = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    data_lines = table.Column<int>(type: "integer", nullable: false),
                    mapping = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    detach_absent = table.Column<bool>(type: "boolean", nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    uploaded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    applied_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    applied_from_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    applied_from_agent = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    moved = table.Column<int>(type: "integer", nullable: false),
                    detached = table.Column<int>(type: "integer", nullable: false),
                    restored = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    classes_created = table.Column<int>(type: "integer", nullable: false),
                    links_added = table.Column<int>(type: "integer", nullable: false),
                    touched_classes = table.Column<string>(type: "text", nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                name: "imp_detachments");

            migrationBuilder.DropTable(
                name: "imp_runs");
        }
    }
}
