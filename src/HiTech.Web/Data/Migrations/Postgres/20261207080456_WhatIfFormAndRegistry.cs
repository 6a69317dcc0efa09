using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTech.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WhatIfFormAndRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProposalChanges",
                table: "WhatIfRuns",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistryFile",
                table: "WhatIfRuns",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistryName",
                table: "WhatIfRuns",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RegistryRejected",
                table: "WhatIfRuns",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistryRejects",
                table: "WhatIfRuns",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RegistryRows",
                table: "WhatIfRuns",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RegistryUsed",
                table: "WhatIfRuns",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProposalChanges",
                table: "WhatIfRuns");

            migrationBuilder.DropColumn(
                name: "RegistryFile",
                table: "WhatIfRuns");

            migrationBuilder.DropColumn(
                name: "RegistryName",
                table: "WhatIfRuns");

            migrationBuilder.DropColumn(
                name: "RegistryRejected",
                table: "WhatIfRuns");

            migrationBuilder.DropColumn(
                name: "RegistryRejects",
                table: "WhatIfRuns");

            migrationBuilder.DropColumn(
                name: "RegistryRows",
                table: "WhatIfRuns");

            migrationBuilder.DropColumn(
                name: "RegistryUsed",
                table: "WhatIfRuns");
        }
    }
}
