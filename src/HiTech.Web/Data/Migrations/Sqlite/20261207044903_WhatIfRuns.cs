using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTech.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WhatIfRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SimulationRunId",
                table: "FrameworkVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WhatIfRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposalFrameworkId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposalVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProposalYaml = table.Column<string>(type: "TEXT", nullable: false),
                    BaselineVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Population = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhatIfRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkVersions_SimulationRunId",
                table: "FrameworkVersions",
                column: "SimulationRunId");

            migrationBuilder.CreateIndex(
                name: "IX_WhatIfRuns_Status",
                table: "WhatIfRuns",
                column: "Status");

            migrationBuilder.AddForeignKey(
                name: "FK_FrameworkVersions_WhatIfRuns_SimulationRunId",
                table: "FrameworkVersions",
                column: "SimulationRunId",
                principalTable: "WhatIfRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FrameworkVersions_WhatIfRuns_SimulationRunId",
                table: "FrameworkVersions");

            migrationBuilder.DropTable(
                name: "WhatIfRuns");

            migrationBuilder.DropIndex(
                name: "IX_FrameworkVersions_SimulationRunId",
                table: "FrameworkVersions");

            migrationBuilder.DropColumn(
                name: "SimulationRunId",
                table: "FrameworkVersions");
        }
    }
}
