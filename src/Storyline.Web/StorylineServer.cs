using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using Storyline.Storage;
using Storyline.Web.Api;

namespace Storyline.Web;

/// <summary>How to serve: which store, where to listen, and the key that unlocks the write endpoints.</summary>
public sealed record ServerOptions(ICorpusStore Store, IReadOnlyList<string>? Urls = null, string? ApiKey = null)
{
    /// <summary>Loopback only: a news database is not published to the network by accident.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>True when the caller named the addresses itself (<c>--urls</c>), which allows non-loopback ones.</summary>
    public bool UrlsAreExplicit => Urls is { Count: > 0 };

    public IReadOnlyList<string> ListenUrls => UrlsAreExplicit ? Urls! : [DefaultUrl];

    /// <summary>Write endpoints exist only when a non-empty key is configured.</summary>
    public bool Writable => !string.IsNullOrEmpty(ApiKey);
}

/// <summary>
/// The Storyline web app: the JSON API under <c>/api</c>, its OpenAPI document at <c>/openapi/v1.json</c>, and the
/// browser UI at <c>/</c>: pages rendered on the server from Razor components (Pages/), styled by a stylesheet
/// embedded in this assembly.
/// </summary>
public static class StorylineServer
{
    /// <summary>Request bodies larger than this are refused (413): an article's HTML is never 16 MiB.</summary>
    public const long MaxRequestBodyBytes = 16L * 1024 * 1024;

    /// <summary>The request header that carries the API key (<c>Authorization: Bearer</c> works too).</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    public static WebApplication Build(ServerOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var url in options.ListenUrls)
        {
            if (!ListenAddress.TryParse(url, out _))
                throw new ArgumentException($"not a listen address: {url} (expected e.g. {ServerOptions.DefaultUrl})", nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(StorylineServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls([.. options.ListenUrls]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        if (logging is not null)
            logging(builder.Logging);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Store);
        builder.Services.AddSingleton<IStoryReader, StoredStoryReader>();
        builder.Services.AddSingleton<CorpusRefresher>();
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton(_ => Pipeline.CreateDefault());
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            j.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Storyline";
            doc.Info.Description = "Who said what, when, to whom, reported by whom. Lists take offset and limit and return the total.";
            if (options.Writable)
                ApiKeyScheme.Describe(doc);
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        if (options.Writable)
            WriteApi.RequireKey(app, options.ApiKey!);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/openapi"),
            api => api.UseMiddleware<ETagMiddleware>());

        var assets = new EmbeddedFileProvider(typeof(StorylineServer).Assembly, "Storyline.Web.wwwroot");
        app.UseStaticFiles(new StaticFileOptions { FileProvider = assets });

        app.MapOpenApi();
        ReadApi.Map(app);
        if (options.Writable)
            WriteApi.Map(app);
        Pages.UiPages.Map(app);

        // Documents stored by `storyline run` since the last `storyline stories` join their stories before the first page.
        app.Services.GetRequiredService<CorpusRefresher>().Refresh();

        if (!options.UrlsAreExplicit)
            app.Lifetime.ApplicationStarted.Register(() => RefuseNonLoopback(app));
        return app;
    }

    /// <summary>The addresses Kestrel actually bound (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> BoundAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>
    /// Configuration from the environment (ASPNETCORE_URLS and the like) can still widen what Kestrel binds; without an
    /// explicit <c>--urls</c> anything but loopback stops the server.
    /// </summary>
    private static void RefuseNonLoopback(WebApplication app)
    {
        var exposed = BoundAddresses(app).Where(a => !ListenAddress.TryParse(a, out var parsed) || !parsed.IsLoopback).ToList();
        if (exposed.Count == 0)
            return;
        app.Logger.LogCritical("refusing to serve on {Addresses}: not loopback; pass --urls to listen there on purpose", string.Join(", ", exposed));
        app.Lifetime.StopApplication();
    }

    private static async Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        // Razor encodes every value it writes; the policy (no script at all) is a second wall should that ever slip.
        h.ContentSecurityPolicy = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        await next();
    }

    internal static string Version => typeof(StorylineServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
}

/// <summary>A URL Kestrel listens on, and whether only this machine can reach it.</summary>
public readonly record struct ListenAddress(string Scheme, string Host, int Port)
{
    public bool IsLoopback =>
        Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));

    /// <summary>Parses <c>http://host:port</c>; wildcard hosts (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>) parse and are not loopback.</summary>
    public static bool TryParse(string url, out ListenAddress address)
    {
        address = default;
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
            return false;
        var s = url[..scheme].ToLowerInvariant();
        if (s is not ("http" or "https"))
            return false;
        var rest = url[(scheme + 3)..].TrimEnd('/');
        int colon = rest.LastIndexOf(':');
        if (colon <= 0 || rest.EndsWith(']'))
            return false;
        if (!int.TryParse(rest.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) || port > 65535)
            return false;
        address = new ListenAddress(s, rest[..colon], port);
        return true;
    }
}
