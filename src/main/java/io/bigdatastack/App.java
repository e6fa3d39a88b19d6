package io.bigdatastack;

import com.pulumi.Pulumi;
import io.bigdatastack.config.ConfigSource;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.plan.PlanCommand;

/**
 * Entry point. Without arguments this is the Pulumi program ({@code pulumi up} runs it through Pulumi.yaml's
 * {@code runtime.options.binary}); {@code plan <stack>} runs the same program offline against a mock engine.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(PlanCommand.run(args, System.out, System.err));
        }
        // Config is validated before the first resource is registered; an InvalidConfigException lists every problem.
        Pulumi.run(ctx -> BigDataStack.define(ctx, StackConfig.load(ConfigSource.of(ctx))));
    }
}
