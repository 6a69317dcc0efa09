using CsCheck;
using HiTech.Core.Maturity;

namespace HiTech.Core.Tests.Maturity;

/// <summary>Whatever an editor does to a file, loading reports errors; it never throws.</summary>
public class MaturityLoaderRobustnessTests
{
    [Fact]
    public void Deleting_duplicating_or_cutting_lines_never_throws()
    {
        var lines = File.ReadAllLines(TestMaturity.MinimalPath);
        Gen.Select(Gen.Int[0, lines.Length - 1], Gen.Int[0, 2], Gen.Int[0, 60]).Sample((index, edit, cut) =>
        {
            var edited = lines.ToList();
            switch (edit)
            {
                case 0:
                    edited.RemoveAt(index);
                    break;
                case 1:
                    edited.Insert(index, lines[index]);
                    break;
                default:
                    edited[index] = lines[index][..Math.Min(cut, lines[index].Length)];
                    break;
            }

            var result = MaturityInstrumentLoader.Load(string.Join('\n', edited), "edited.yaml");

            Assert.True(result.IsValid || result.Errors.Count > 0);
            Assert.True(result.IsValid == (result.Instrument is not null));
        }, iter: 1500, threads: 1);
    }
}
