using System.Text;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;

namespace HiTech.Web.Tests.WhatIf;

/// <summary>A registry CSV of generated enterprises (those of <c>hitech generate</c>), for what-if populations.</summary>
public static class GeneratedRegistry
{
    /// <summary><paramref name="rows"/> enterprises after the header; <paramref name="firstRows"/> (cells in column order) come first.</summary>
    public static byte[] Csv(ActivityClassifier classifier, int rows, params string[][] firstRows)
    {
        var generator = new RegistryGenerator(classifier);
        var csv = new StringBuilder();
        void Line(IEnumerable<string> cells) => csv.Append(string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c))).Append('\n');
        Line(GeneratedEnterprise.Columns);
        foreach (var row in firstRows)
        {
            Line(row);
        }

        for (var i = 0; i < rows; i++)
        {
            Line(generator.Generate(i, 11).ToCells());
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A generated enterprise's row with one cell changed (say a number that is not one).</summary>
    public static string[] Broken(ActivityClassifier classifier, string id, int column, string value)
    {
        var cells = new RegistryGenerator(classifier).Generate(1_000_000, 11).ToCells();
        cells[0] = id;
        cells[column] = value;
        return cells;
    }
}
