using HiTech.Web.Tests.Infrastructure;
using static HiTech.Web.Tests.Providers.ProviderTesting;

namespace HiTech.Web.Tests.Providers;

/// <summary>A lab or a returning professional finds registration from the home page, in English and in Malayalam.</summary>
public sealed class HomeForProvidersTests(TestHost host) : IClassFixture<TestHost>
{
    [Fact]
    public async Task The_home_page_invites_providers_and_returning_professionals_to_register_in_both_languages()
    {
        var english = await host.Anonymous().GetStringAsync("/", None);
        Assert.Contains("Do you offer R&amp;D, testing, design or engineering services?", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/provider/register\"", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/provider/register?kind=professional\"", english, StringComparison.Ordinal);

        var malayalam = await host.Anonymous("ml").GetStringAsync("/", None);
        Assert.Contains("സേവനദാതാവായി രജിസ്റ്റർ ചെയ്യുക", malayalam, StringComparison.Ordinal);
        Assert.Contains("തിരിച്ചെത്തിയ പ്രൊഫഷണലായി രജിസ്റ്റർ ചെയ്യുക", malayalam, StringComparison.Ordinal);

        // The professional's link arrives with that kind already chosen.
        var register = await host.Anonymous().GetStringAsync("/provider/register?kind=professional", None);
        Assert.Matches("<input[^>]*value=\"professional\"[^>]*checked=\"checked\"", register);
    }
}
