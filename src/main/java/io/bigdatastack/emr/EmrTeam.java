package io.bigdatastack.emr;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.bigdatastack.protection.Stateful;

import java.util.Map;

/**
 * One data team of the platform ({@code teams} config): namespace with quota and defaults, virtual cluster, job role
 * limited to {@code teams/<team>/} of the shared job bucket, job template. A component of its own so that plans,
 * diagrams and the Pulumi console show each team as one unit.
 */
public final class EmrTeam extends ComponentResource {

    public static final String TYPE = "bigdata:emr:Team";

    private final TeamResources.Outputs outputs;

    EmrTeam(String name, EmrOnEksArgs args, TeamSpec team, BucketV2 bucket, LogGroup logGroup, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        this.outputs = TeamResources.create(name, this, args, team, bucket, logGroup, Stateful.TEAM_NAMESPACE, Stateful.TEAM_VIRTUAL_CLUSTER,
                Stateful.TEAM_GLUE_DATABASE);
        registerOutputs(Map.of(
                "namespace", outputs.namespace(),
                "virtualClusterId", outputs.virtualClusterId(),
                "jobRoleArn", outputs.jobRoleArn(),
                "jobTemplateId", outputs.jobTemplateId(),
                "sampleJobCommand", outputs.sampleJobCommand()));
    }

    TeamResources.Outputs outputs() {
        return outputs;
    }
}
