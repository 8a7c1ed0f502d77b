using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Storyline.Web;

namespace Storyline.Cli;

/// <summary><c>storyline serve</c>: the HTTP API and the browser UI over a store, on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public const string ApiKeyVariable = "STORYLINE_API_KEY";

    public static Command Create()
    {
        var db = Commands.DbOption();
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Addresses to listen on (default {ServerOptions.DefaultUrl}); the only way to listen beyond this machine",
            AllowMultipleArgumentsPerToken = true,
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = $"Enables the write endpoints (ingest, re-run) for requests that send this key; default ${ApiKeyVariable}",
        };
        var command = new Command("serve", "Serve the API and the web UI over a database") { db, urls, apiKey };
        command.SetAction(r => Run(r.GetValue(db)!, r.GetValue(urls) ?? [], r.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable)));
        return command;
    }

    private static int Run(string dbPath, string[] urls, string? apiKey)
    {
        var list = urls.SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        foreach (var url in list)
        {
            if (!ListenAddress.TryParse(url, out _))
                return Output.Fail($"--urls: not a listen address: {url} (expected e.g. {ServerOptions.DefaultUrl})", ExitCodes.Usage);
        }
        var writable = !string.IsNullOrEmpty(apiKey);
        // A read-only server over a database that does not exist is a typo; with a key, documents can still arrive.
        if (!Output.TryOpenStore(dbPath, mustExist: !writable, out var opened, out var code))
            return code;
        using var store = opened!;
        var options = new ServerOptions(store, list, apiKey);
        WebApplication app;
        try
        {
            app = StorylineServer.Build(options);
        }
        catch (ArgumentException e)
        {
            return Output.Fail(e.Message, ExitCodes.Usage);
        }
        try
        {
            app.Start();
        }
        catch (IOException e)
        {
            return Output.Fail($"cannot listen on {string.Join(", ", options.ListenUrls)}: {e.Message}");
        }
        var addresses = StorylineServer.BoundAddresses(app);
        Output.Error.MarkupLine($"[green]Storyline[/] serving [bold]{Markup.Escape(dbPath)}[/] at {Markup.Escape(string.Join(", ", addresses))}");
        Output.Error.MarkupLine(writable
            ? $"[grey]write endpoints on: send the key in the {StorylineServer.ApiKeyHeader} header[/]"
            : $"[grey]read-only: pass --api-key or set {ApiKeyVariable} to enable ingest[/]");
        Output.Error.MarkupLine("[grey]Ctrl+C stops[/]");
        app.WaitForShutdown();
        return ExitCodes.Ok;
    }
}
