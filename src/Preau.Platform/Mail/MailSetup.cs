using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Preau.Platform.Mail;

public static class MailSetup
{
    /// <summary>The queue and its delivery: SMTP when Mail:Smtp:Host is set, else the pickup folder.</summary>
    public static IServiceCollection AddPreauMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection("Mail"));
        services.AddSingleton<MailQueue>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<MailQueue>());
        if (string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]))
        {
            services.AddSingleton<IMailTransport, PickupFolderTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, SmtpTransport>();
        }

        services.AddHostedService<MailDelivery>();
        return services;
    }
}
