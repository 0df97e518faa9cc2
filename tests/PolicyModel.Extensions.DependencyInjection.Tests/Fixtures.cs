using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyModel.Extensions.DependencyInjection.Tests;

internal static class Fixtures
{
    /// <summary>The Oak Park example document (tests/Examples.AgencyPolicy.Tests/policies), copied to the output.</summary>
    public static string PoliciesFolder => Path.Combine(AppContext.BaseDirectory, "policies");

    public static string OakParkFile => Path.Combine(PoliciesFolder, "oak-park.json");

    /// <summary>A request that identifies a person by its id: the id must never reach a log, a tag or a metric.</summary>
    public const string PersonalRequestId = "jane-doe-1984-03-07-a1234567";

    /// <summary>ICE asks Chicago police for a perimeter for a civil immigration arrest: denied.</summary>
    public static AssistanceRequest ChicagoPerimeter() => AssistanceRequest.In("us-il-chicago")
        .WithId(PersonalRequestId)
        .ReceivedAt("2025-02-10T09:00:00-06:00")
        .From(Requester.IceEro)
        .ForPurpose(Purpose.CivilImmigrationEnforcement)
        .AskingFor(AssistanceKind.PerimeterOrCrowdControl)
        .Build();

    public static ServiceProvider Provider(TestLoggerProvider logs, Action<PolicyModelOptions>? configure = null, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddPolicyModel(configure);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A temporary file in a folder of its own, deleted on dispose.</summary>
    public sealed class TempFile : IDisposable
    {
        public TempFile(string json, string name = "bad-city.json")
        {
            Folder = Directory.CreateTempSubdirectory("policymodel-di-").FullName;
            Path = System.IO.Path.Combine(Folder, name);
            File.WriteAllText(Path, json);
        }

        public string Folder { get; }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
