package io.bigdatastack;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.bigdatastack.config.ConfigSource;
import io.bigdatastack.config.InvalidConfigException;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.cli.Commands;
import io.bigdatastack.stack.BigDataStack;

/**
 * Entry point. Without arguments this is the Pulumi program ({@code pulumi up} runs it through Pulumi.yaml's
 * {@code runtime.options.binary}); {@code plan <stack>} runs the same program offline against a mock engine.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        CommonPoolParallelism.ensure(); // Before the SDK touches the common pool: pulumi-java#2270 on Java 25.
        // A person running the jar without a command gets the usage, not the SDK's stack trace listing every
        // environment variable name; only the Pulumi CLI (which sets the engine variables) gets the program.
        if (args.length > 0 || !Commands.underPulumiEngine(System.getenv())) {
            System.exit(Commands.run(args, System.out, System.err));
        }
        Pulumi.run(ctx -> run(ctx, ConfigSource.of(ctx)));
    }

    /**
     * Validates the configuration before the first resource is registered. A bad value becomes one error
     * diagnostic listing every problem (the update fails, nothing is created), not a stack trace.
     */
    static void run(Context ctx, ConfigSource source) {
        run(ctx, source, io.bigdatastack.support.WallClock.get());
    }

    /** As {@link #run(Context, ConfigSource)}, judging support windows by {@code clock} (tests fix it). */
    static void run(Context ctx, ConfigSource source, java.time.Clock clock) {
        StackConfig config;
        try {
            config = StackConfig.load(source, clock);
        } catch (InvalidConfigException e) {
            ctx.log().error(e.getMessage());
            return;
        }
        io.bigdatastack.cluster.KubernetesVersions.upcomingEndOfStandardSupport(config.cluster().kubernetesVersion(),
                config.cluster().supportType(), java.time.LocalDate.now(clock)).ifPresent(ctx.log()::warn);
        // The same warning `plan` prints as a caveat (a secret list is real here: `pulumi up` decrypts it).
        io.bigdatastack.network.SpecialAddressBlocks.documentationOnlyWarning(ctx.projectName() + ":"
                + io.bigdatastack.config.ConfigKeys.ENDPOINT_PUBLIC_ACCESS_CIDRS.name(), config.cluster().endpointPublicAccessCidrs(),
                config.secretKeys().contains(io.bigdatastack.config.ConfigKeys.ENDPOINT_PUBLIC_ACCESS_CIDRS.name())).ifPresent(ctx.log()::warn);
        BigDataStack.define(ctx, config);
    }
}
