using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTech.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            // Full-text search of the directory (SearchDirectory): an FTS5 table kept in step with Providers by
            // triggers. Letters, digits and combining marks are word characters (Malayalam's vowel signs are marks),
            // and so are the zero-width (non-)joiners inside Malayalam words. A later migration that makes EF Core
            // rebuild the Providers table must create these triggers again (dropping a table drops its triggers).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ProviderSearch USING fts5(ProviderId UNINDEXED, Name, ServicesEn, ServicesMl, "
                + "tokenize = \"unicode61 remove_diacritics 2 categories 'L* N* Co M*' tokenchars '\u200C\u200D'\");");
            migrationBuilder.Sql("INSERT INTO ProviderSearch (ProviderId, Name, ServicesEn, ServicesMl) SELECT Id, Name, ServicesEn, ServicesMl FROM Providers;");
            migrationBuilder.Sql("""
                CREATE TRIGGER ProviderSearchInsert AFTER INSERT ON Providers BEGIN
                    INSERT INTO ProviderSearch (ProviderId, Name, ServicesEn, ServicesMl) VALUES (new.Id, new.Name, new.ServicesEn, new.ServicesMl);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProviderSearchUpdate AFTER UPDATE OF Id, Name, ServicesEn, ServicesMl ON Providers BEGIN
                    DELETE FROM ProviderSearch WHERE ProviderId = old.Id;
                    INSERT INTO ProviderSearch (ProviderId, Name, ServicesEn, ServicesMl) VALUES (new.Id, new.Name, new.ServicesEn, new.ServicesMl);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProviderSearchDelete AFTER DELETE ON Providers BEGIN
                    DELETE FROM ProviderSearch WHERE ProviderId = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProviderSearchInsert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProviderSearchUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProviderSearchDelete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ProviderSearch;");
            migrationBuilder.DropColumn(
                name: "RefusalReason",
                table: "Providers");
        }
    }
}
