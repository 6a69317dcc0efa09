using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Core.Registry;

/// <summary>
/// The results and rejects files of a registry scan (docs/registry-format.md), one line at a time. Lines are
/// built in a reusable buffer and returned as one string, so the worker that scored a row also formats it.
/// </summary>
public sealed class ResultFormat(CompiledFramework framework)
{
    public static readonly string[] ResultColumns = ["enterprise_id", "index", "tier", "primary_oecd_group", "hva_activities", "gates_failed", "framework_id", "framework_version"];

    public static readonly string[] RejectColumns = ["line", "enterprise_id", "field", "reason"];

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    [ThreadStatic]
    private static char[]? _threadBuffer;

    private readonly string[] _tiers = [.. framework.Tiers.Select(t => Quote(t.Id))];
    private readonly string _frameworkColumns = Quote(framework.Id) + "," + Quote(framework.Version) + "\n";
    private readonly ConcurrentDictionary<ulong, string> _gates = new();

    public static string Header(string[] columns) => string.Join(',', columns) + "\n";

    public string Scored(ReadOnlySpan<char> enterpriseId, in ScoreSummary score, OecdGroup? primaryOecd, string hvaActivities)
    {
        var line = new LineBuilder(Buffer());
        line.Field(enterpriseId);
        line.Separator();
        line.Advance(FormatTenths(score.Index, line.Free));
        line.Separator();
        line.Raw(_tiers[score.Tier]);
        line.Separator();
        line.Raw(primaryOecd is { } oecd ? OecdGroups.ToId(oecd) : "");
        line.Separator();
        line.Field(hvaActivities);
        line.Separator();
        line.Field(GateIds(score.GatesFailed));
        line.Separator();
        line.Raw(_frameworkColumns);
        return line.ToString();
    }

    public static string Rejected(long line, ReadOnlySpan<char> enterpriseId, string field, string reason)
    {
        var text = new LineBuilder(Buffer());
        line.TryFormat(text.Free, out var written, default, CultureInfo.InvariantCulture);
        text.Advance(written);
        text.Separator();
        text.Field(enterpriseId);
        text.Separator();
        text.Field(field);
        text.Separator();
        text.Field(reason);
        text.Raw("\n");
        return text.ToString();
    }

    /// <summary>
    /// Writes <paramref name="value"/> as "F1" does. The scorer rounds the index to tenths, and for the double nearest
    /// a number of tenths "F1" writes exactly those tenths, so they are written as an integer: the general formatter
    /// (big-integer arithmetic for a fixed precision) was a noticeable part of a row. Anything else goes to "F1".
    /// </summary>
    internal static int FormatTenths(double value, Span<char> destination)
    {
        const double Largest = 1e15;
        if (value is >= 0 and <= Largest && !double.IsNegative(value))
        {
            var tenths = (long)Math.Round(value * 10);
            if (tenths / 10.0 == value && tenths.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture) && destination.Length > written + 1)
            {
                if (written == 1)
                {
                    // 0.x: the integer part is 0.
                    destination[1] = '.';
                    destination[2] = destination[0];
                    destination[0] = '0';
                    return 3;
                }

                destination[written] = destination[written - 1];
                destination[written - 1] = '.';
                return written + 1;
            }
        }

        return value.TryFormat(destination, out var general, "F1", CultureInfo.InvariantCulture) ? general : 0;
    }

    private static char[] Buffer() => _threadBuffer ??= new char[4096];

    private static string Quote(string value) => value.AsSpan().IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private string GateIds(ulong failed)
    {
        if (failed == 0)
        {
            return "";
        }

        return _gates.GetOrAdd(failed, bits => string.Join(';', framework.Gates.Where((_, g) => (bits & (1UL << g)) != 0).Select(g => g.Id)));
    }

    /// <summary>Appends CSV text into a buffer, quoting fields that need it; falls back to a string when a field is huge.</summary>
    private ref struct LineBuilder(char[] buffer)
    {
        private readonly char[] _buffer = buffer;
        private int _length;
        private string? _overflow;

        public readonly Span<char> Free => _overflow is null ? _buffer.AsSpan(_length) : [];

        public void Advance(int count) => _length += count;

        public void Separator() => Raw(",");

        public void Raw(ReadOnlySpan<char> text)
        {
            if (_overflow is not null || _length + text.Length > _buffer.Length)
            {
                _overflow = (_overflow ?? new string(_buffer, 0, _length)) + text.ToString();
                return;
            }

            text.CopyTo(_buffer.AsSpan(_length));
            _length += text.Length;
        }

        public void Field(ReadOnlySpan<char> value)
        {
            if (value.IndexOfAny(NeedsQuotes) < 0)
            {
                Raw(value);
                return;
            }

            Raw("\"");
            foreach (var range in value.Split('"'))
            {
                if (range.Start.Value > 0)
                {
                    Raw("\"\"");
                }

                Raw(value[range]);
            }

            Raw("\"");
        }

        public override readonly string ToString() => _overflow ?? new string(_buffer, 0, _length);
    }
}
