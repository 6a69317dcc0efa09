using HiTech.Core.Maturity;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// The digital maturity instrument and the support schemes its roadmap names, read once at start-up from the data
/// shipped beside the app (<c>reference-data/maturity/dma-kerala/2025.1.yaml</c>, <c>reference-data/schemes/kerala-schemes.yaml</c>).
/// Immutable and shared by every request. A file that does not validate stops the start-up with every error.
/// </summary>
public sealed class MaturityReference(MaturityInstrument instrument, SchemeCatalog schemes)
{
    public const string InstrumentPath = "maturity/dma-kerala/2025.1.yaml";
    public const string SchemesPath = "schemes/kerala-schemes.yaml";

    /// <summary>The instrument new assessments use.</summary>
    public MaturityInstrument Instrument { get; } = instrument;

    public SchemeCatalog Schemes { get; } = schemes;

    /// <summary>The instrument an assessment was made with, when this node has it.</summary>
    public bool TryGet(string id, string version, out MaturityInstrument found)
    {
        found = Instrument;
        return Instrument.Id == id && Instrument.Version == version;
    }

    public static MaturityReference Load(string referenceData)
    {
        var schemes = SchemeCatalogLoader.LoadFile(Path.Combine(referenceData, SchemesPath));
        if (schemes.Catalog is null)
        {
            throw new InvalidOperationException("The support schemes do not validate: " + string.Join("; ", schemes.Errors));
        }

        var instrument = MaturityInstrumentLoader.LoadFile(Path.Combine(referenceData, InstrumentPath), schemes.Catalog.Ids);
        if (instrument.Instrument is null)
        {
            throw new InvalidOperationException("The digital maturity instrument does not validate: " + string.Join("; ", instrument.Errors));
        }

        return new MaturityReference(instrument.Instrument, schemes.Catalog);
    }
}
