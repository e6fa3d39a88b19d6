package io.bigdatastack;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.network.Network;
import io.bigdatastack.network.NetworkArgs;
import io.bigdatastack.studio.EmrStudio;
import io.bigdatastack.studio.EmrStudioArgs;

/**
 * The composition root: turns a validated {@link StackConfig} into components and stack outputs. The same method
 * runs under {@code pulumi up} and under the offline {@code plan}; only the engine differs.
 */
public final class BigDataStack {

    private BigDataStack() {
    }

    public static void define(Context ctx, StackConfig config) {
        var naming = config.naming();
        var tags = naming.commonTags();
        var prefix = naming.logicalPrefix();

        var network = new Network(prefix, NetworkArgs.builder()
                .vpcCidr(config.network().vpcCidr())
                .publicSubnetCidrs(config.network().publicSubnetCidrs())
                .privateSubnetCidrs(config.network().privateSubnetCidrs())
                .natStrategy(config.network().natGateways())
                .region(config.region())
                .namePrefix(naming.physical(""))
                .tags(tags)
                .build(), ComponentResourceOptions.Empty);

        ctx.export("VpcId", network.vpcId());

        var studio = new EmrStudio(prefix, EmrStudioArgs.builder()
                .vpcId(network.vpcId())
                .subnetIds(network.privateSubnetIds())
                .region(config.region())
                .authMode(config.studio().authMode())
                .adminUser(config.studio().adminUser())
                .users(config.studio().users())
                .groups(config.studio().groups())
                .protectStatefulResources(config.protectStatefulResources())
                .project(naming.project())
                .stack(naming.stack())
                .namePrefix(naming.physical(""))
                .tags(tags)
                .build(), ComponentResourceOptions.Empty);

        ctx.export("EMRStudioURL", studio.url());
        ctx.export("EMRStudioId", studio.studioId());
    }
}
