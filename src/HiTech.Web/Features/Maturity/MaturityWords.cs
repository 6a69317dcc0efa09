using System.Globalization;
using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// Everything about the maturity assessment said in the user's language: the instrument's own texts (in English and
/// Malayalam in its file), bands, peer groups, cost tiers, the schemes' numbers, changes between assessments.
/// </summary>
public sealed class MaturityWords(IStringLocalizer<MaturityText> l, ReferenceData reference)
{
    public IStringLocalizer<MaturityText> L { get; } = l;

    public static string Lang => Language.Current;

    public static string In(LocalText? text) => text?.In(Language.Current) ?? "";

    /// <summary>The language a text is shown in: English where the instrument has no Malayalam for it.</summary>
    public static string LangOf(LocalText text) => Language.Current == Language.Malayalam && string.IsNullOrEmpty(text.Ml) ? Language.English : Language.Current;

    public static string Number(int? score) => score?.ToString(CultureInfo.InvariantCulture) ?? "–";

    public static string Median(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public string Band(MaturityBand? band) => band is null ? L["No score yet"] : In(band.Title);

    /// <summary>"38 out of 100 (Average)"</summary>
    public string Score(int? score, MaturityBand? band) =>
        score is { } s ? L["{0} out of 100 ({1})", Number(s), Band(band)] : L["No score yet"];

    /// <summary>Firms of a size class, inside a sentence: "micro firms".</summary>
    public string SizeFirms(MsmeSize size) => size switch
    {
        MsmeSize.Micro => L["micro firms"],
        MsmeSize.Small => L["small firms"],
        MsmeSize.Medium => L["medium firms"],
        _ => L["large firms"],
    };

    /// <summary>A unit of a size class, inside a sentence: "micro unit".</summary>
    public string SizeUnit(MsmeSize size) => size switch
    {
        MsmeSize.Micro => L["micro unit"],
        MsmeSize.Small => L["small unit"],
        MsmeSize.Medium => L["medium unit"],
        _ => L["large unit"],
    };

    /// <summary>The size class as a label on its own: "Micro".</summary>
    public string SizeTitle(MsmeSize size) => size switch
    {
        MsmeSize.Micro => L["Micro"],
        MsmeSize.Small => L["Small"],
        MsmeSize.Medium => L["Medium"],
        _ => L["Large"],
    };

    public string District(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var district = reference.Districts.All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
        return district is null ? name : Lang == Language.Malayalam && !string.IsNullOrEmpty(district.NameMl) ? district.NameMl : district.Name;
    }

    /// <summary>The firm as the profile describes it: "12 staff, manufactures, small unit".</summary>
    public string Profile(MaturityProfile profile) =>
        L["{0} staff; {1}; {2}", profile.Employees.ToString(CultureInfo.InvariantCulture), profile.Manufacturing ? L["makes or processes goods"] : L["does not manufacture"], SizeUnit(profile.Size)];

    /// <summary>The peer group a benchmark used, in words.</summary>
    public string Group(PeerGroupLevel level, PeerFirm firm) => level switch
    {
        PeerGroupLevel.DivisionSizeDistrict => L["{0} in the same industry (NIC division {1}) in {2} district", SizeFirms(firm.Size ?? MsmeSize.Micro), firm.NicDivision ?? "", District(firm.District)],
        PeerGroupLevel.DivisionSize => L["{0} in the same industry (NIC division {1}) across Kerala", SizeFirms(firm.Size ?? MsmeSize.Micro), firm.NicDivision ?? ""],
        PeerGroupLevel.Division => L["firms of every size in the same industry (NIC division {0}) across Kerala", firm.NicDivision ?? ""],
        _ => L["all firms on the platform that have finished an assessment"],
    };

    public string Standing(PeerStanding standing) =>
        L["higher than about {0} in every 100 of these firms; their median is {1}", standing.Percentile.ToString(CultureInfo.InvariantCulture), Median(standing.Median)];

    public string Cost(CostTier tier) => tier switch
    {
        CostTier.Low => L["Low cost: mostly time and free tools, under about {0}", Fmt.Money(100000m)],
        CostTier.Medium => L["Medium cost: up to about {0}", Fmt.Money(1000000m)],
        _ => L["Higher cost: more than {0}", Fmt.Money(1000000m)],
    };

    public string CostShort(CostTier tier) => tier switch
    {
        CostTier.Low => L["low cost"],
        CostTier.Medium => L["medium cost"],
        _ => L["higher cost"],
    };

    /// <summary>A scheme's number with its meaning: "Maximum per unit: ₹25,00,000".</summary>
    public (string Label, string Value) SchemeNumber(SchemeNumber number)
    {
        var value = number.Unit switch
        {
            SchemeUnit.Inr => Fmt.Money(number.Value),
            SchemeUnit.Percent => number.Value.ToString("0.##", CultureInfo.InvariantCulture) + "%",
            _ => L["{0} years", number.Value.ToString("0.##", CultureInfo.InvariantCulture)].Value,
        };
        var label = number.Id switch
        {
            "reimbursement_percent" => L["Share of the cost reimbursed"],
            "max_per_unit_inr" => L["Most per unit"],
            "subsidy_max_percent" => L["Subsidy, at most"],
            "max_micro_inr" => L["Most for a micro unit"],
            "max_small_inr" => L["Most for a small unit"],
            "max_medium_inr" => L["Most for a medium unit"],
            "investment_subsidy_percent" => L["Investment subsidy"],
            "investment_subsidy_max_inr" => L["Investment subsidy, at most"],
            "sgst_reimbursement_percent" => L["SGST reimbursed"],
            "sgst_reimbursement_years" => L["SGST reimbursed for"],
            "cost_support_micro_percent" => L["Cost support for a micro unit"],
            "cost_support_small_percent" => L["Cost support for a small unit"],
            "cost_support_medium_percent" => L["Cost support for a medium unit"],
            "max_guaranteed_loan_inr" => L["Largest loan guaranteed"],
            _ => new LocalizedString(number.Id, Humanise(number.Id)),
        };
        return (label, value);
    }

    public string Change(int? change) => change switch
    {
        null => "–",
        > 0 => "+" + change.Value.ToString(CultureInfo.InvariantCulture),
        < 0 => "−" + (-change.Value).ToString(CultureInfo.InvariantCulture),
        _ => L["no change"],
    };

    public string BandChange(BandChange change) => change switch
    {
        Core.Maturity.BandChange.Up => L["up a band"],
        Core.Maturity.BandChange.Down => L["down a band"],
        Core.Maturity.BandChange.Same => L["same band"],
        _ => "",
    };

    /// <summary>The rise in the hi-tech index, "+2.5 points".</summary>
    public string Lift(double lift) => L["+{0} points", lift.ToString("0.##", CultureInfo.InvariantCulture)];

    public string DimensionTitle(MaturityInstrument instrument, string id) =>
        instrument.Dimensions.FirstOrDefault(d => d.Id == id) is { } dimension ? In(dimension.Title) : id;

    /// <summary>An answer the instrument cannot take, naming the question and the answer.</summary>
    public string AnswerError(MaturityAnswerError error, MaturityInstrument instrument)
    {
        instrument.TryGetQuestion(error.QuestionId, out var question);
        var options = question is null ? "" : string.Join(", ", question.Options.Select(o => o.Id));
        return error.Rule switch
        {
            "unknown-question" => L["‘{0}’ is not a question of {1} (answer ‘{2}’)", error.QuestionId, instrument.Reference, error.Answer],
            "unknown-option" => L["‘{0}’ is not an answer to ‘{1}’. Its answers: {2}", error.Answer, error.QuestionId, options],
            "several-options" => L["‘{0}’ takes one answer, but several were given: {1}", error.QuestionId, error.Answer],
            "none-with-others" => L["‘{0}’: ‘none of these’ cannot be given together with other answers: {1}", error.QuestionId, error.Answer],
            "duplicate-option" => L["‘{0}’ has the same answer twice: {1}", error.QuestionId, error.Answer],
            _ => error.Message,
        };
    }

    /// <summary>Answer errors by the API's field: answers.&lt;question id&gt; (or the profile field), each named for a developer.</summary>
    public Dictionary<string, string[]> AnswerErrors(IEnumerable<MaturityAnswerError> errors, MaturityInstrument instrument) =>
        errors.GroupBy(e => e.QuestionId.StartsWith("profile.", StringComparison.Ordinal) ? e.QuestionId : "answers." + e.QuestionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => AnswerError(e, instrument)).ToArray(), StringComparer.Ordinal);

    private static string Humanise(string id)
    {
        var words = id.Split('_').Where(w => w is not ("inr" or "percent" or "years")).ToArray();
        return words.Length == 0 ? id : string.Join(' ', words);
    }
}
