package io.bigdatastack.emr;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import io.bigdatastack.protection.Stateful;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data team of the platform: namespace with quota and defaults, virtual cluster, job role, job template. Every
 * team is one of these, built by the same code, whether the stack lists {@code teams} or has only the one team of
 * {@code emrNamespace}. A component of its own so that plans, diagrams and the Pulumi console show each team as one unit.
 *
 * <p>The stack's <em>original team</em> (a {@link TeamSpec} without a data prefix: the team of {@code emrNamespace},
 * or the team of {@code teams} named like it, which takes it over) keeps the names, physical names and whole-bucket
 * layout its resources had when they sat directly under {@link EmrOnEks}: their logical names use the EMR component's
 * name, and each carries an alias to its earlier parent, so turning {@code teams} on, or upgrading a stack built before
 * teams, moves them into the team's component without replacing anything
 * (https://www.pulumi.com/docs/iac/concepts/options/aliases/).
 */
public final class EmrTeam extends ComponentResource {

    public static final String TYPE = "bigdata:emr:Team";

    private final TeamResources.Outputs outputs;

    private EmrTeam(String name, String resourcePrefix, EmrOnEksArgs args, TeamSpec team, BucketV2 bucket,
                    LogGroup logGroup, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        this.outputs = TeamResources.create(resourcePrefix, this, args, team, bucket, logGroup, Stateful.TEAM_NAMESPACE, Stateful.TEAM_VIRTUAL_CLUSTER,
                Stateful.TEAM_GLUE_DATABASE);
        registerOutputs(Map.of(
                "namespace", outputs.namespace(),
                "virtualClusterId", outputs.virtualClusterId(),
                "jobRoleArn", outputs.jobRoleArn(),
                "jobTemplateId", outputs.jobTemplateId(),
                "sampleJobCommand", outputs.sampleJobCommand(),
                "submitterPolicyArn", outputs.submitterPolicyArn()));
    }

    /** The team's component under {@code emr} (named {@code <emrName>-team-<team>}), with its resources. */
    static EmrTeam create(String emrName, EmrOnEks emr, EmrOnEksArgs args, TeamSpec team, BucketV2 bucket, LogGroup logGroup) {
        boolean original = isOriginal(team);
        var componentName = emrName + "-team-" + team.name();
        var options = ComponentResourceOptions.builder().parent(emr);
        if (original) {
            options.resourceTransformations(movedFrom(emr));
        }
        return new EmrTeam(componentName, original ? emrName : componentName, args, team, bucket, logGroup, options.build());
    }

    /** The stack's original team: it has no prefix of its own and keeps the names it had before teams existed. */
    static boolean isOriginal(TeamSpec team) {
        return team.dataPrefix().isEmpty();
    }

    /**
     * Gives each resource directly under the team component an alias with {@code earlierParent} as parent: where the
     * original team's resources were registered before they moved into the component.
     */
    private static ResourceTransformation movedFrom(Resource earlierParent) {
        return args -> {
            if (!(args.options() instanceof CustomResourceOptions custom)) {
                return Optional.empty();
            }
            var parent = custom.getParent();
            if (parent.isEmpty() || !(parent.get() instanceof EmrTeam)) {
                return Optional.empty();
            }
            var alias = CustomResourceOptions.builder().aliases(List.of(com.pulumi.core.Output.of(Alias.builder().parent(earlierParent).build()))).build();
            return Optional.of(new ResourceTransformation.Result(args.args(), CustomResourceOptions.merge(custom, alias)));
        };
    }

    TeamResources.Outputs outputs() {
        return outputs;
    }
}
