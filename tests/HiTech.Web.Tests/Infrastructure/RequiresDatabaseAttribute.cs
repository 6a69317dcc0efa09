using System.Reflection;
using Xunit.v3;

[assembly: HiTech.Web.Tests.Infrastructure.RequiresDatabase]

namespace HiTech.Web.Tests.Infrastructure;

/// <summary>
/// Skips every test of the assembly, with the reason, when its database is not available: in the PostgreSQL
/// assembly without HITECH_TEST_POSTGRES. On SQLite it does nothing. Class fixtures check
/// <see cref="WebAppFactory.SkipReason"/> too and then start nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RequiresDatabaseAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        if (WebAppFactory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
