using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "doc_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    folder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(510)", maxLength: 510, nullable: false),
                    sort_name = table.Column<string>(type: "character varying(510)", maxLength: 510, nullable: false),
                    content_type = table.Column<string>(type: "character varying(127)", maxLength: 127, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    current_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trashed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_doc_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "doc_folders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(510)", maxLength: 510, nullable: false),
                    sort_name = table.Column<string>(type: "character varying(510)", maxLength: 510, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trashed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_doc_folders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "doc_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    blob_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content_type = table.Column<string>(type: "character varying(127)", maxLength: 127, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_doc_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_doc_versions_doc_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "doc_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_doc_documents_by_date",
                table: "doc_documents",
                columns: new[] { "owner_id", "folder_id", "updated_at", "id" },
                filter: "trashed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_doc_documents_by_name",
                table: "doc_documents",
                columns: new[] { "owner_id", "folder_id", "sort_name", "id" },
                filter: "trashed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_doc_documents_by_size",
                table: "doc_documents",
                columns: new[] { "owner_id", "folder_id", "length", "id" },
                filter: "trashed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_doc_documents_trash",
                table: "doc_documents",
                columns: new[] { "owner_id", "trashed_at" },
                filter: "trashed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_doc_documents_name",
                table: "doc_documents",
                columns: new[] { "owner_id", "folder_id", "name" },
                unique: true,
                filter: "trashed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_doc_folders_owner",
                table: "doc_folders",
                columns: new[] { "owner_id", "trashed_at" });

            migrationBuilder.CreateIndex(
                name: "ux_doc_folders_name",
                table: "doc_folders",
                columns: new[] { "owner_id", "parent_id", "name" },
                unique: true,
                filter: "trashed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_doc_versions_document_id_number",
                table: "doc_versions",
                columns: new[] { "document_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "doc_folders");

            migrationBuilder.DropTable(
                name: "doc_versions");

            migrationBuilder.DropTable(
                name: "doc_documents");
        }
    }
}
