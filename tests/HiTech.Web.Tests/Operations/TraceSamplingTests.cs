using System.Diagnostics;
using HiTech.Web.Infrastructure.Observability;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace HiTech.Web.Tests.Operations;

/// <summary>Observability:TraceSampleRatio (docs/operations.md): the share of new traces recorded; a caller's choice is followed.</summary>
public sealed class TraceSamplingTests
{
    [Theory]
    [InlineData(null, SamplingDecision.RecordAndSample)]
    [InlineData("1", SamplingDecision.RecordAndSample)]
    [InlineData("0", SamplingDecision.Drop)]
    public void A_new_trace_is_recorded_as_the_ratio_says(string? ratio, SamplingDecision expected)
    {
        var sampler = Telemetry.SamplerFrom(Settings(ratio));
        var root = new SamplingParameters(default, ActivityTraceId.CreateRandom(), "GET /api/v1/reviews", ActivityKind.Server);
        Assert.Equal(expected, sampler.ShouldSample(in root).Decision);
    }

    [Fact]
    public void A_request_inside_a_recorded_caller_trace_is_recorded_whatever_the_ratio()
    {
        var sampler = Telemetry.SamplerFrom(Settings("0"));
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var request = new SamplingParameters(caller, caller.TraceId, "GET /api/v1/reviews", ActivityKind.Server);
        Assert.Equal(SamplingDecision.RecordAndSample, sampler.ShouldSample(in request).Decision);
    }

    [Theory]
    [InlineData("half")]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("0,5")]
    public void A_ratio_that_is_not_a_share_stops_the_start_naming_the_setting(string ratio)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Telemetry.SamplerFrom(Settings(ratio)));
        Assert.Contains(Telemetry.TraceSampleRatioSetting, e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{ratio}'", e.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(string? ratio) => new ConfigurationBuilder()
        .AddInMemoryCollection(ratio is null ? [] : [new KeyValuePair<string, string?>(Telemetry.TraceSampleRatioSetting, ratio)])
        .Build();
}
