using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// Writes an <see cref="Explanation"/> byte for byte as the reflection serializer with <see cref="ExplanationJson.Options"/>
/// would (snake_case keys in declaration order, relaxed escaping, Malayalam left out when empty), without its per-call
/// cost: key names are encoded once, each framework text once per text (they are the bulk of the bytes), and the
/// buffer and writer are reused per thread. A submission stores one of these per enterprise.
/// </summary>
internal static class ExplanationWriter
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Framework and scheme texts are shared by every explanation of a framework version: encode them once.</summary>
    private static readonly ConditionalWeakTable<LocalText, EncodedText> Texts = [];

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _compact;

    [ThreadStatic]
    private static Utf8JsonWriter? _indented;

    public static string Write(Explanation explanation, bool indented)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        var writer = indented
            ? _indented ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, Indented = true, SkipValidation = true })
            : _compact ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true });
        writer.Reset(buffer);
        try
        {
            Explanation(writer, explanation);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            // A failed write (a non-finite number) must not leave half an explanation for the next call on this thread.
            writer.Reset();
            buffer.ResetWrittenCount();
        }
    }

    private static void Explanation(Utf8JsonWriter w, Explanation e)
    {
        w.WriteStartObject();
        w.WriteString(Names.FrameworkId, e.FrameworkId);
        w.WriteString(Names.FrameworkVersion, e.FrameworkVersion);
        w.WriteString(Names.EnterpriseId, e.EnterpriseId);
        w.WriteString(Names.EnterpriseName, e.EnterpriseName);
        w.WriteNumber(Names.Index, e.Index);
        w.WritePropertyName(Names.Tier);
        Tier(w, e.Tier);
        w.WritePropertyName(Names.NextTier);
        Tier(w, e.NextTier);

        w.WriteStartArray(Names.Activities);
        foreach (var a in e.Activities)
        {
            w.WriteStartObject();
            w.WriteString(Names.Code, a.Code);
            w.WriteString(Names.Title, a.Title);
            w.WriteString(Names.Isic4, a.Isic4);
            w.WriteString(Names.OecdGroup, a.OecdGroup);
            w.WriteString(Names.OecdBasis, a.OecdBasis);
            w.WriteString(Names.EurostatGroup, a.EurostatGroup);
            Strings(w, Names.PrioritySectors, a.PrioritySectors);
            w.WriteNumber(Names.Share, a.Share);
            Strings(w, Names.Stages, a.Stages);
            w.WriteBoolean(Names.HighValueAdded, a.HighValueAdded);
            w.WriteStartArray(Names.Reasons);
            foreach (var r in a.Reasons)
            {
                w.WriteStartObject();
                w.WriteString(Names.Rule, r.Rule);
                Text(w, Names.Explain, r.Explain);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString(Names.WhyNot, a.WhyNot);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray(Names.Pillars);
        foreach (var p in e.Pillars)
        {
            w.WriteStartObject();
            w.WriteString(Names.Id, p.Id);
            Text(w, Names.Title, p.Title);
            w.WriteNumber(Names.Weight, p.Weight);
            w.WriteNumber(Names.Score, p.Score);
            w.WriteNumber(Names.Contribution, p.Contribution);
            w.WriteStartArray(Names.Indicators);
            foreach (var i in p.Indicators)
            {
                w.WriteStartObject();
                w.WriteString(Names.Id, i.Id);
                Text(w, Names.Title, i.Title);
                w.WriteString(Names.Unit, i.Unit);
                Number(w, Names.Raw, i.Raw);
                Strings(w, Names.MissingInputs, i.MissingInputs);
                w.WriteNumber(Names.Score, i.Score);
                w.WriteNumber(Names.Weight, i.Weight);
                w.WriteNumber(Names.Contribution, i.Contribution);
                w.WriteString(Names.Treatment, i.Treatment);
                Text(w, Names.Explain, i.Explain);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray(Names.Gates);
        foreach (var g in e.Gates)
        {
            w.WriteStartObject();
            w.WriteString(Names.Id, g.Id);
            Text(w, Names.Title, g.Title);
            w.WriteBoolean(Names.Passed, g.Passed);
            Strings(w, Names.MissingInputs, g.MissingInputs);
            Text(w, Names.Explain, g.Explain);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray(Names.Inputs);
        foreach (var i in e.Inputs)
        {
            w.WriteStartObject();
            w.WriteString(Names.Id, i.Id);
            Text(w, Names.Title, i.Title);
            w.WriteString(Names.Type, i.Type);
            w.WriteString(Names.Value, i.Value);
            w.WriteString(Names.Evidence, i.Evidence);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        var c = e.Certification;
        w.WriteStartObject(Names.Certification);
        w.WriteString(Names.ScoredTier, c.ScoredTier);
        Text(w, Names.ScoredTierTitle, c.ScoredTierTitle);
        w.WriteString(Names.CertifiableTier, c.CertifiableTier);
        Text(w, Names.CertifiableTierTitle, c.CertifiableTierTitle);
        w.WriteStartArray(Names.Gaps);
        foreach (var gap in c.Gaps)
        {
            w.WriteStartObject();
            w.WriteString(Names.Tier, gap.Tier);
            w.WriteString(Names.Input, gap.Input);
            w.WriteString(Names.Required, gap.Required);
            w.WriteString(Names.Actual, gap.Actual);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WritePropertyName(Names.WhatItWouldTake);
        Plans(w, e.WhatItWouldTake);
        w.WriteEndObject();
    }

    private static void Tier(Utf8JsonWriter w, TierOutcome? tier)
    {
        if (tier is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString(Names.Id, tier.Id);
        Text(w, Names.Title, tier.Title);
        w.WriteNumber(Names.MinIndex, tier.MinIndex);
        Text(w, Names.Meaning, tier.Meaning);
        Strings(w, Names.Gates, tier.Gates);
        w.WriteEndObject();
    }

    private static void Plans(Utf8JsonWriter w, NextTierPlans? plans)
    {
        if (plans is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString(Names.Target, plans.Target);
        Strings(w, Names.BlockingGates, plans.BlockingGates);
        w.WriteStartArray(Names.PlansList);
        foreach (var plan in plans.Plans)
        {
            Plan(w, plan);
        }

        w.WriteEndArray();
        w.WritePropertyName(Names.Closest);
        Plan(w, plans.Closest);
        w.WriteEndObject();
    }

    private static void Plan(Utf8JsonWriter w, NextTierPlan? plan)
    {
        if (plan is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString(Names.Reaches, plan.Reaches);
        w.WriteNumber(Names.Index, plan.Index);
        w.WriteNumber(Names.Effort, plan.Effort);
        Strings(w, Names.GatesNotMet, plan.GatesNotMet);
        w.WriteStartArray(Names.Changes);
        foreach (var change in plan.Changes)
        {
            w.WriteStartObject();
            w.WriteString(Names.Input, change.Input);
            Text(w, Names.Title, change.Title);
            w.WriteString(Names.Type, change.Type);
            w.WritePropertyName(Names.From);
            Node(w, change.From);
            w.WritePropertyName(Names.To);
            Node(w, change.To);
            Strings(w, Names.MeetsGates, change.MeetsGates);
            w.WriteNumber(Names.Effort, change.Effort);
            w.WriteStartArray(Names.Schemes);
            foreach (var scheme in change.Schemes)
            {
                w.WriteStartObject();
                w.WriteString(Names.Id, scheme.Id);
                Text(w, Names.Name, scheme.Name);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Strings(w, Names.AddedCodes, change.AddedCodes);
            Number(w, Names.Difference, change.Difference);
            Number(w, Names.PercentChange, change.PercentChange);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Node(Utf8JsonWriter w, System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is null)
        {
            w.WriteNullValue();
        }
        else
        {
            node.WriteTo(w);
        }
    }

    private static void Strings(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            w.WriteStringValue(values[i]);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, JsonEncodedText name, double? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter w, JsonEncodedText name, decimal? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>A bilingual text as {"en": ..., "ml": ...}, leaving out a missing Malayalam text.</summary>
    private static void Text(Utf8JsonWriter w, JsonEncodedText name, LocalText? text)
    {
        if (text is null)
        {
            w.WriteNull(name);
            return;
        }

        var encoded = Texts.GetValue(text, static t => new EncodedText(
            JsonEncodedText.Encode(t.En, Encoder),
            string.IsNullOrEmpty(t.Ml) ? null : JsonEncodedText.Encode(t.Ml, Encoder)));
        w.WriteStartObject(name);
        w.WriteString(Names.En, encoded.En);
        if (encoded.Ml is { } ml)
        {
            w.WriteString(Names.Ml, ml);
        }

        w.WriteEndObject();
    }

    private sealed record EncodedText(JsonEncodedText En, JsonEncodedText? Ml);

    /// <summary>The keys, as the snake_case naming policy spells each property.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText FrameworkId = Key("framework_id");
        public static readonly JsonEncodedText FrameworkVersion = Key("framework_version");
        public static readonly JsonEncodedText EnterpriseId = Key("enterprise_id");
        public static readonly JsonEncodedText EnterpriseName = Key("enterprise_name");
        public static readonly JsonEncodedText Index = Key("index");
        public static readonly JsonEncodedText Tier = Key("tier");
        public static readonly JsonEncodedText NextTier = Key("next_tier");
        public static readonly JsonEncodedText Activities = Key("activities");
        public static readonly JsonEncodedText Pillars = Key("pillars");
        public static readonly JsonEncodedText Gates = Key("gates");
        public static readonly JsonEncodedText Inputs = Key("inputs");
        public static readonly JsonEncodedText Certification = Key("certification");
        public static readonly JsonEncodedText WhatItWouldTake = Key("what_it_would_take");
        public static readonly JsonEncodedText Id = Key("id");
        public static readonly JsonEncodedText Title = Key("title");
        public static readonly JsonEncodedText MinIndex = Key("min_index");
        public static readonly JsonEncodedText Meaning = Key("meaning");
        public static readonly JsonEncodedText Code = Key("code");
        public static readonly JsonEncodedText Isic4 = Key("isic4");
        public static readonly JsonEncodedText OecdGroup = Key("oecd_group");
        public static readonly JsonEncodedText OecdBasis = Key("oecd_basis");
        public static readonly JsonEncodedText EurostatGroup = Key("eurostat_group");
        public static readonly JsonEncodedText PrioritySectors = Key("priority_sectors");
        public static readonly JsonEncodedText Share = Key("share");
        public static readonly JsonEncodedText Stages = Key("stages");
        public static readonly JsonEncodedText HighValueAdded = Key("high_value_added");
        public static readonly JsonEncodedText Reasons = Key("reasons");
        public static readonly JsonEncodedText Rule = Key("rule");
        public static readonly JsonEncodedText Explain = Key("explain");
        public static readonly JsonEncodedText WhyNot = Key("why_not");
        public static readonly JsonEncodedText Weight = Key("weight");
        public static readonly JsonEncodedText Score = Key("score");
        public static readonly JsonEncodedText Contribution = Key("contribution");
        public static readonly JsonEncodedText Indicators = Key("indicators");
        public static readonly JsonEncodedText Unit = Key("unit");
        public static readonly JsonEncodedText Raw = Key("raw");
        public static readonly JsonEncodedText MissingInputs = Key("missing_inputs");
        public static readonly JsonEncodedText Treatment = Key("treatment");
        public static readonly JsonEncodedText Passed = Key("passed");
        public static readonly JsonEncodedText Type = Key("type");
        public static readonly JsonEncodedText Value = Key("value");
        public static readonly JsonEncodedText Evidence = Key("evidence");
        public static readonly JsonEncodedText ScoredTier = Key("scored_tier");
        public static readonly JsonEncodedText ScoredTierTitle = Key("scored_tier_title");
        public static readonly JsonEncodedText CertifiableTier = Key("certifiable_tier");
        public static readonly JsonEncodedText CertifiableTierTitle = Key("certifiable_tier_title");
        public static readonly JsonEncodedText Gaps = Key("gaps");
        public static readonly JsonEncodedText Input = Key("input");
        public static readonly JsonEncodedText Required = Key("required");
        public static readonly JsonEncodedText Actual = Key("actual");
        public static readonly JsonEncodedText Target = Key("target");
        public static readonly JsonEncodedText BlockingGates = Key("blocking_gates");
        public static readonly JsonEncodedText PlansList = Key("plans");
        public static readonly JsonEncodedText Closest = Key("closest");
        public static readonly JsonEncodedText Reaches = Key("reaches");
        public static readonly JsonEncodedText Effort = Key("effort");
        public static readonly JsonEncodedText GatesNotMet = Key("gates_not_met");
        public static readonly JsonEncodedText Changes = Key("changes");
        public static readonly JsonEncodedText From = Key("from");
        public static readonly JsonEncodedText To = Key("to");
        public static readonly JsonEncodedText MeetsGates = Key("meets_gates");
        public static readonly JsonEncodedText Schemes = Key("schemes");
        public static readonly JsonEncodedText Name = Key("name");
        public static readonly JsonEncodedText AddedCodes = Key("added_codes");
        public static readonly JsonEncodedText Difference = Key("difference");
        public static readonly JsonEncodedText PercentChange = Key("percent_change");
        public static readonly JsonEncodedText En = Key("en");
        public static readonly JsonEncodedText Ml = Key("ml");

        private static JsonEncodedText Key(string name) => JsonEncodedText.Encode(name, Encoder);
    }
}
