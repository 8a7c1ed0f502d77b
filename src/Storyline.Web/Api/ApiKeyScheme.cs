using Microsoft.OpenApi;

namespace Storyline.Web.Api;

/// <summary>The OpenAPI description of the API key: a header scheme, required by every write (non-GET) operation.</summary>
internal static class ApiKeyScheme
{
    public const string Name = "ApiKey";

    public static void Describe(OpenApiDocument doc)
    {
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        doc.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = StorylineServer.ApiKeyHeader,
            Description = "The server's API key (`--api-key` or STORYLINE_API_KEY); `Authorization: Bearer <key>` works too.",
        };
        foreach (var path in doc.Paths.Values)
        {
            foreach (var (method, operation) in path.Operations ?? [])
            {
                if (method == HttpMethod.Get || method == HttpMethod.Head)
                    continue;
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, doc)] = [] });
            }
        }
    }
}
