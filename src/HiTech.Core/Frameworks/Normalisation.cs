using System.Collections.Immutable;

namespace HiTech.Core.Frameworks;

/// <summary>How an indicator's raw value becomes a 0-100 score.</summary>
public abstract record Normalisation(SourcePosition Position)
{
    public abstract double Score(double raw);
}

/// <summary>Straight lines between points (x strictly increasing); flat beyond the first and last point.</summary>
public sealed record PiecewiseNormalisation(ImmutableArray<(double X, double Y)> Points, SourcePosition Position) : Normalisation(Position)
{
    public override double Score(double raw)
    {
        var points = Points.AsSpan();
        if (raw <= points[0].X)
        {
            return points[0].Y;
        }

        for (var i = 1; i < points.Length; i++)
        {
            if (raw <= points[i].X)
            {
                var (x0, y0) = points[i - 1];
                var (x1, y1) = points[i];
                return y0 + ((raw - x0) / (x1 - x0) * (y1 - y0));
            }
        }

        return points[^1].Y;
    }
}

/// <summary>A value at or above step i's threshold scores step i's score; below the first threshold scores <see cref="Below"/>.</summary>
public sealed record StepsNormalisation(ImmutableArray<(double At, double Score)> Steps, double Below, SourcePosition Position) : Normalisation(Position)
{
    public override double Score(double raw)
    {
        var score = Below;
        foreach (var (at, value) in Steps.AsSpan())
        {
            if (raw < at)
            {
                break;
            }

            score = value;
        }

        return score;
    }
}

/// <summary>A score per value of an enum (keyed by value index once compiled) or per exact number.</summary>
public sealed record LookupNormalisation(ImmutableArray<(string Key, double Score)> Entries, double Default, SourcePosition Position) : Normalisation(Position)
{
    /// <summary>Scores indexed by the key's numeric value (enum index or number), filled in by the compiler.</summary>
    internal System.Collections.Frozen.FrozenDictionary<double, double> ByValue { get; init; } = System.Collections.Frozen.FrozenDictionary<double, double>.Empty;

    public override double Score(double raw) => ByValue.TryGetValue(raw, out var score) ? score : Default;
}
