using System.Globalization;
using System.Text;

namespace Storyline.Web.Pages;

/// <summary>How the pages write dates, counts, source names and links. Text only: Razor encodes it where it is written.</summary>
public static class Format
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Date(DateOnly? d) => d is { } x ? $"{x.Day} {Months[x.Month - 1]} {x.Year}" : "undated";

    /// <summary>A TIMEX3-like date as a timeline stores it: <c>2025-12-04</c>, <c>2025-12</c> or <c>2025</c>.</summary>
    public static string Date(string? iso)
    {
        if (string.IsNullOrEmpty(iso))
            return "undated";
        var parts = iso.Split('-');
        var c = CultureInfo.InvariantCulture;
        if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, c, out int m) && m is >= 1 and <= 12)
        {
            return parts.Length >= 3 && int.TryParse(parts[2], NumberStyles.None, c, out int day)
                ? $"{day} {Months[m - 1]} {parts[0]}"
                : $"{Months[m - 1]} {parts[0]}";
        }
        return parts[0];
    }

    public static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Range(DateOnly? from, DateOnly? to) =>
        from is null && to is null ? "undated"
        : from == to || to is null ? Date(from)
        : from is null ? Date(to)
        : $"{Date(from)} – {Date(to)}";

    public static string Count(long n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    /// <summary>Who reported it: the outlet, else the title, else the web host or file name, else the id's start.</summary>
    public static string Source(string? outlet, string? title, string? sourceUri, string documentId)
    {
        if (!string.IsNullOrWhiteSpace(outlet))
            return outlet;
        if (!string.IsNullOrWhiteSpace(title))
            return title;
        if (Uri.TryCreate(sourceUri, UriKind.Absolute, out var uri))
        {
            if (uri.Scheme is "http" or "https")
                return uri.Host;
            var file = Path.GetFileName(uri.LocalPath);
            if (file.Length > 0)
                return file;
        }
        return documentId[..Math.Min(12, documentId.Length)];
    }

    /// <summary>Only web addresses become links out: a stored <c>javascript:</c> or <c>data:</c> URI stays text.</summary>
    public static string? SafeHttpUrl(string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? uri : null;

    /// <summary>A document page; with a span, the page marks it and the fragment scrolls the browser to it.</summary>
    public static string DocumentHref(string id, int? start = null, int? length = null) =>
        start is null ? "/documents/" + Uri.EscapeDataString(id)
        : Url("/documents/" + Uri.EscapeDataString(id), ("start", Int(start)), ("length", Int(length))) + "#target";

    public static string PersonHref(string id) => "/people/" + Uri.EscapeDataString(id);

    public static string StoryHref(string id) => "/stories/" + Uri.EscapeDataString(id);

    /// <summary>A path with the given query parameters; empty values are left out.</summary>
    public static string Url(string path, params (string Name, string? Value)[] query)
    {
        var s = new StringBuilder(path);
        char sep = '?';
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value))
                continue;
            s.Append(sep).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            sep = '&';
        }
        return s.ToString();
    }

    public static string? Int(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    public static string Label(string type) => type.Replace('_', ' ').ToLowerInvariant();
}
