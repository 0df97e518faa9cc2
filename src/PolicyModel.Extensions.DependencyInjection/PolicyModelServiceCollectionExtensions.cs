using System.Diagnostics.Metrics;
using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyModel;
using PolicyModel.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PolicyModel in a service collection.</summary>
public static class PolicyModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the application's <see cref="PolicySet"/> (a singleton, compiled once from <see cref="PolicyModelOptions"/>)
    /// and <see cref="IPolicyDecider"/> (a singleton that logs, traces and measures each decision).
    /// </summary>
    /// <remarks>
    /// The options are validated once, by compiling the set: at host start (the options are registered with
    /// <c>ValidateOnStart</c>, so a bad document stops the host with an <see cref="OptionsValidationException"/>
    /// listing every problem), or, without a host, when <see cref="PolicySet"/> or <see cref="IPolicyDecider"/> is
    /// first resolved, which then throws <see cref="PolicyLoadException"/> carrying every problem. Problems are also
    /// logged (category <c>PolicyModel.Loading</c>). Calling this method more than once adds the configurations.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds documents, or turns the built-in policies off; by default the built-in policies alone.</param>
    /// <returns>The service collection, to chain calls.</returns>
    public static IServiceCollection AddPolicyModel(this IServiceCollection services, Action<PolicyModelOptions>? configure = null)
    {
        Guard.Against.Null(services);
        var options = services.AddOptions<PolicyModelOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddSingleton(sp => new PolicySetHolder(sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolicyModelOptions>, PolicyModelOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<PolicySetHolder>().GetPolicySet(sp.GetRequiredService<IOptionsMonitor<PolicyModelOptions>>()));
        services.TryAddSingleton(sp => new PolicyModelInstrumentation(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<IPolicyDecider>(sp => new PolicyDecider(
            sp.GetRequiredService<PolicySet>(),
            sp.GetRequiredService<PolicyModelInstrumentation>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        return services;
    }
}
