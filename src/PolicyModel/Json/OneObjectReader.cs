using System.Diagnostics.CodeAnalysis;

namespace PolicyModel.Json;

/// <summary>The one way to read a text holding one JSON object into a value, collecting every problem (decisions, decision records).</summary>
internal static class OneObjectReader
{
    /// <summary>Reads <paramref name="json"/> and binds its root; a root that binds to nothing without a problem is reported as not <paramref name="expected"/>.</summary>
    public static bool TryRead<T>(string json, string name, JsonLimits limits, Func<JNode, Binder, T?> bind, string expected, [NotNullWhen(true)] out T? value, out IReadOnlyList<Problem> problems)
        where T : class
    {
        var found = new List<Problem>();
        var root = new JsonTreeReader(System.Text.Encoding.UTF8.GetBytes(json), name, limits, found).ReadDocument();
        value = root is null ? null : bind(root, new Binder(name, found));
        if (found.Count > 0 || value is null)
        {
            value = null;
            problems = found.Count > 0 ? found : [new Problem(ProblemCodes.WrongType, name, "$", 1, 1, $"expected {expected}")];
            return false;
        }

        problems = found;
        return true;
    }
}
