using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Preau.Admin.Sheets;

/// <summary>
/// The address printed on sheets: "Preau:PublicUrl" when the operator set it (the address families
/// know, behind the load balancer), else the one this request came to.
/// </summary>
public sealed class SiteAddress(IConfiguration configuration, IHttpContextAccessor accessor)
{
    public string Get()
    {
        var configured = configuration["Preau:PublicUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim().TrimEnd('/');
        }

        var request = accessor.HttpContext?.Request;
        return request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
    }
}
