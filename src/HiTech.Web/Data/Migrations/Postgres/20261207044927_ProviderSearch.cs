using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTech.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProviderSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RefusalReason",
                table: "Providers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            // Full-text search of the directory (SearchDirectory): a stored generated tsvector ('simple' configuration:
            // no English stemming, so Malayalam and English words are matched alike), always in step with the row.
            migrationBuilder.Sql("""
                ALTER TABLE "Providers" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    to_tsvector('simple', coalesce("Name", '') || ' ' || coalesce("ServicesEn", '') || ' ' || coalesce("ServicesMl", ''))) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Providers_SearchVector" ON "Providers" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Providers_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Providers" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.DropColumn(
                name: "RefusalReason",
                table: "Providers");
        }
    }
}
