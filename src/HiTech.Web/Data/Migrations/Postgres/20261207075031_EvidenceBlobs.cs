using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTech.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EvidenceBlobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvidenceBlobs",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    TouchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceBlobs", x => x.Sha256);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceBlobs_TouchedAt",
                table: "EvidenceBlobs",
                column: "TouchedAt");

            // PDFs and images are compressed already: kept out of line as they are, without a compression attempt.
            migrationBuilder.Sql("ALTER TABLE \"EvidenceBlobs\" ALTER COLUMN \"Content\" SET STORAGE EXTERNAL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceBlobs");
        }
    }
}
