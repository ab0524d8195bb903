using System.Globalization;

namespace Preau.Feed.Push;

/// <summary>Runs some rendering in another language than the request's: a notification in its reader's, the offline page in both.</summary>
internal static class InCulture
{
    public static T Run<T>(string culture, Func<T> render)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
