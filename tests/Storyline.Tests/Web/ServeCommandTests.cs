using Storyline.Cli;
using Storyline.Tests.Cli;
using Storyline.Tests.Support;

namespace Storyline.Tests.Web;

/// <summary><c>storyline serve</c> refuses what it cannot serve before it listens anywhere.</summary>
[Collection("console")]
public class ServeCommandTests
{
    [Fact]
    public void A_read_only_server_over_a_missing_database_is_a_usage_error()
    {
        using var dir = new TempDir();
        var (code, _, err) = RunCommandTests.Storyline("serve", "--db", dir.File("missing.db"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no database", err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("missing.db")));
    }

    [Fact]
    public void A_listen_address_without_a_scheme_is_a_usage_error()
    {
        using var dir = new TempDir();
        var (code, _, err) = RunCommandTests.Storyline("serve", "--db", dir.File("s.db"), "--api-key", "k", "--urls", "127.0.0.1:5080");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("not a listen address", err, StringComparison.Ordinal);
    }
}
