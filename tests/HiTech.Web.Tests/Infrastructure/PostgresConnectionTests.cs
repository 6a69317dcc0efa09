using HiTech.Web.Data;
using Npgsql;

namespace HiTech.Web.Tests.Infrastructure;

public sealed class PostgresConnectionTests
{
    [Fact]
    public void Adds_auto_prepare_and_skips_the_pool_reset_by_default()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=db;Database=hitech;Username=app"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("hitech", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;Auto Prepare Min Usages=5;No Reset On Close=false")]
    [InlineData("host=db;MAX AUTO PREPARE=0;auto prepare min usages=5;no reset on close=false")]
    public void What_the_connection_string_sets_wins(string given)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults(given));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.Equal(5, tuned.AutoPrepareMinUsages);
        Assert.False(tuned.NoResetOnClose);
    }
}
