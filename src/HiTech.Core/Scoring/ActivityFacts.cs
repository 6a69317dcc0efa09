using HiTech.Core.Reference;

namespace HiTech.Core.Scoring;

/// <summary>
/// What the engine needs to know about one NIC activity code, precomputed once so scoring a row costs a
/// dictionary probe: its OECD group, Eurostat aggregate, 2-digit division and priority sectors as bits.
/// </summary>
public readonly record struct ActivityFacts(NicEntry Entry, OecdGroup Oecd, int Eurostat, int Division, ulong Sectors);
