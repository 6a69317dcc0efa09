using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HiTech.Core.Frameworks;

/// <summary>
/// Maps an offset inside an expression's text back to a line and column of the YAML file, also for
/// expressions folded over several lines, so an error points at the exact token.
/// </summary>
public sealed record ExpressionLocation(ImmutableArray<(int Offset, int Line, int Column)> Lines)
{
    public static readonly ExpressionLocation None = new([(0, 0, 0)]);

    public SourcePosition Start => new(Lines[0].Line, Lines[0].Column);

    public SourcePosition At(int offset)
    {
        var (start, line, column) = Lines[0];
        foreach (var entry in Lines)
        {
            if (entry.Offset > offset)
            {
                break;
            }

            (start, line, column) = entry;
        }

        return new SourcePosition(line, column + (offset - start));
    }

    /// <summary>Walks the source text of a scalar alongside its parsed value, noting where each source line starts.</summary>
    internal static ExpressionLocation Of(YamlScalarNode scalar, string source)
    {
        var value = scalar.Value ?? "";
        var index = (int)scalar.Start.Index;
        var line = (int)scalar.Start.Line;
        var column = (int)scalar.Start.Column;

        // Continuation lines of plain and quoted scalars lose all their leading spaces; lines of a block
        // scalar lose only the block's indentation, and any deeper indentation is part of the text.
        var indent = int.MaxValue;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            index++;
            column++;
        }
        else if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // Block scalars start at the '|' or '>' header; the text begins on the next line.
            while (index < source.Length && source[index] != '\n')
            {
                index++;
            }

            indent = BlockIndent(source, index);
            (index, line, column) = SkipBreak(source, index, line, indent);
        }

        var lines = ImmutableArray.CreateBuilder<(int, int, int)>();
        lines.Add((0, line, column));
        var j = 0;
        var end = Math.Min((int)scalar.End.Index, source.Length);
        while (j < value.Length && index < end)
        {
            if (source[index] is '\r' or '\n')
            {
                (index, line, column) = SkipBreak(source, index, line, indent);
                if (value[j] is ' ' or '\n')
                {
                    j++;
                }

                lines.Add((j, line, column));
                continue;
            }

            if (source[index] == value[j])
            {
                j++;
            }

            index++;
            column++;
        }

        return new ExpressionLocation(lines.ToImmutable());
    }

    /// <summary>The indentation of a block scalar: the leading spaces of its first line that holds text.</summary>
    private static int BlockIndent(string source, int index)
    {
        var spaces = 0;
        for (var i = index + 1; i < source.Length; i++)
        {
            if (source[i] == ' ')
            {
                spaces++;
            }
            else if (source[i] is '\r' or '\n')
            {
                spaces = 0;
            }
            else
            {
                return spaces;
            }
        }

        return spaces;
    }

    private static (int Index, int Line, int Column) SkipBreak(string source, int index, int line, int indent)
    {
        if (index < source.Length && source[index] == '\r')
        {
            index++;
        }

        if (index < source.Length && source[index] == '\n')
        {
            index++;
        }

        line++;
        var column = 1;
        while (index < source.Length && source[index] == ' ' && column <= indent)
        {
            index++;
            column++;
        }

        return (index, line, column);
    }
}
