package io.bigdatastack.studio;

import io.bigdatastack.iam.IamRole;
import io.bigdatastack.support.Json;

import com.google.gson.Gson;
import com.pulumi.asset.AssetOrArchive;
import com.pulumi.asset.StringAsset;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.aws.servicecatalog.Constraint;
import com.pulumi.aws.servicecatalog.ConstraintArgs;
import com.pulumi.aws.servicecatalog.Portfolio;
import com.pulumi.aws.servicecatalog.PortfolioArgs;
import com.pulumi.aws.servicecatalog.PrincipalPortfolioAssociation;
import com.pulumi.aws.servicecatalog.PrincipalPortfolioAssociationArgs;
import com.pulumi.aws.servicecatalog.Product;
import com.pulumi.aws.servicecatalog.ProductArgs;
import com.pulumi.aws.servicecatalog.ProductPortfolioAssociation;
import com.pulumi.aws.servicecatalog.ProductPortfolioAssociationArgs;
import com.pulumi.aws.servicecatalog.inputs.ProductProvisioningArtifactParametersArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.bigdatastack.iam.TrustPolicies;
import io.bigdatastack.naming.PhysicalNames;

import java.util.Map;

/**
 * A Service Catalog portfolio with one product, the EMR cluster template of {@link ClusterTemplate}, that Studio
 * users launch from a Workspace (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-cluster-templates.html).
 *
 * <p>It also creates what the template needs: the clusters' EMR service role (AWS's tag-scoped
 * {@code AmazonEMRServicePolicy_v2}), their EC2 instance profile (the Studio bucket only) and the launch role Service
 * Catalog assumes to run CloudFormation, so users need no CloudFormation or EMR create permissions of their own.
 *
 * <p>The template is uploaded under a key carrying its content hash. Service Catalog copies a template when the product
 * is created, so a changed template changes the product's artifact URL and the provider replaces the product
 * (terminate clusters launched from the old one first; the README says so).
 */
public final class ClusterCatalog extends ComponentResource {

    public static final String TYPE = "bigdata:studio:ClusterCatalog";
    public static final String PRODUCT_TYPE = "CLOUD_FORMATION_TEMPLATE";
    /** AWS's tag-scoped EMR service policy (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-iam-role.html). */
    public static final String EMR_SERVICE_POLICY = "service-role/AmazonEMRServicePolicy_v2";

    private static final Gson GSON = Json.COMPACT;

    private final Output<String> portfolioId;
    private final Output<String> productId;
    private final Output<String> productArn;
    private final Output<String> clusterServiceRoleArn;
    private final Output<String> clusterInstanceRoleArn;
    private final Output<String> templateKey;

    public ClusterCatalog(String name, ClusterCatalogArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var roles = clusterRoles(name, args);
        var template = uploadTemplate(name, args, roles);
        this.templateKey = template.key();
        var launchRole = launchRole(name, args, roles);
        var portfolio = new Portfolio(name + "-portfolio", PortfolioArgs.builder()
                .name(args.namePrefix() + "-studio-clusters")
                .providerName(args.project())
                .description("EMR cluster templates for the EMR Studio of stack " + args.stack())
                .tags(args.tags())
                .build(), child());
        var product = product(name, args, template);
        constrainLaunches(name, portfolio, product, launchRole);
        args.portfolioPrincipalArn().ifPresent(principalArn ->
                new PrincipalPortfolioAssociation(name + "-portfolio-access", PrincipalPortfolioAssociationArgs.builder()
                        .portfolioId(portfolio.id())
                        .principalArn(principalArn)
                        .principalType("IAM")
                        .build(), child()));

        this.portfolioId = portfolio.id();
        this.productId = product.id();
        this.productArn = product.arn();
        this.clusterServiceRoleArn = roles.service().arn();
        this.clusterInstanceRoleArn = roles.instance().arn();

        registerOutputs(Map.of(
                "portfolioId", portfolioId,
                "productId", productId,
                "templateKey", templateKey));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** The roles the template's clusters use: EMR's service role, and the instances' role with its profile. */
    private record ClusterRoles(Role service, Role instance, InstanceProfile instanceProfile) {
    }

    private ClusterRoles clusterRoles(String name, ClusterCatalogArgs args) {
        var scope = args.scope();
        var clusterServiceRole = IamRole.builder(name + "-cluster-service-role",
                        PhysicalNames.role(args.namePrefix(), "studio-cluster-service"), this)
                .description("EMR service role of clusters launched from the EMR Studio cluster template")
                .trust(scope.applyValue(s -> TrustPolicies.serviceOnBehalfOfAccount(
                        "elasticmapreduce.amazonaws.com", s.accountId(), s.anyResourceOf("elasticmapreduce")).toJson()))
                .tags(args.tags())
                .managedPolicy(name + "-cluster-service-policy", scope.applyValue(s -> s.awsManagedPolicyArn(EMR_SERVICE_POLICY)))
                .build().role();

        var instanceRole = IamRole.builder(name + "-cluster-instance-role",
                        PhysicalNames.role(args.namePrefix(), "studio-cluster-instance"), this)
                .description("EC2 instance role of clusters launched from the EMR Studio cluster template")
                .trust(TrustPolicies.service("ec2.amazonaws.com").toJson())
                .tags(args.tags())
                .inlinePolicy(name + "-cluster-instance-s3", "studio-bucket-read-write", Output.tuple(scope, args.bucketName())
                        .applyValue(t -> StudioPolicies.clusterInstanceRole(t.t1, t.t2).toJson()))
                .build().role();
        var instanceProfile = new InstanceProfile(name + "-cluster-instance-profile", InstanceProfileArgs.builder()
                .name(PhysicalNames.role(args.namePrefix(), "studio-cluster-instance"))
                .role(instanceRole.name())
                .tags(args.tags())
                .build(), child());
        // Added after the instance role exists (its ARN is the policy's resource).
        IamRole.inlinePolicy(clusterServiceRole, name + "-cluster-service-pass-instance-role", "pass-instance-role",
                instanceRole.arn().applyValue(arn -> StudioPolicies.clusterServiceRolePassInstanceRole(arn).toJson()), this);
        return new ClusterRoles(clusterServiceRole, instanceRole, instanceProfile);
    }

    /** The template as uploaded: its version (from its content hash), its key in the Studio bucket, the object. */
    private record UploadedTemplate(Output<String> version, Output<String> key, BucketObjectv2 object) {
    }

    /** The template, rendered for this stack and uploaded to the Studio bucket under a key carrying its hash. */
    private UploadedTemplate uploadTemplate(String name, ClusterCatalogArgs args, ClusterRoles roles) {
        var rendered = Output.tuple(args.bucketName(), roles.service().name(), roles.instanceProfile().name(), args.subnetIds())
                .applyValue(t -> ClusterTemplate.render(new ClusterTemplate.Wiring(
                        t.t2, t.t3, "s3://" + t.t1 + "/" + StudioPolicies.CLUSTER_LOGS_PREFIX, args.project(), args.stack(), t.t4)));
        var version = rendered.applyValue(text -> "emr-cluster-" + ClusterTemplate.shortHash(text));
        var key = version.applyValue(v -> StudioPolicies.TEMPLATES_PREFIX + v + ".yaml");
        var object = new BucketObjectv2(name + "-template", BucketObjectv2Args.builder()
                .bucket(args.bucketName())
                .key(key)
                .source(rendered.applyValue(text -> (AssetOrArchive) new StringAsset(text)))
                .contentType("text/yaml")
                .tags(args.tags())
                .build(), child());
        return new UploadedTemplate(version, key, object);
    }

    /** Service Catalog runs CloudFormation with the launch role, not with the user's permissions. */
    private IamRole launchRole(String name, ClusterCatalogArgs args, ClusterRoles roles) {
        return IamRole.builder(name + "-launch-role", PhysicalNames.role(args.namePrefix(), "studio-catalog-launch"), this)
                .description("Service Catalog launch role of the EMR Studio cluster template")
                // The trust AWS documents for a launch role: Service Catalog as the service, no condition. AWS does not
                // document that Service Catalog sends aws:SourceAccount/aws:SourceArn when it assumes a launch role
                // (constraints-launch.html, getstarted-launchconstraint.html; it is absent from the services the IAM
                // confused-deputy guidance lists), and a condition on a key that is not sent denies every launch.
                // Who can launch is governed by the portfolio's principal association instead.
                // https://docs.aws.amazon.com/servicecatalog/latest/adminguide/constraints-launch.html
                .trust(TrustPolicies.service("servicecatalog.amazonaws.com").toJson())
                .tags(args.tags())
                .inlinePolicy(name + "-launch-policy", "provision-emr-cluster-stacks",
                        Output.tuple(args.scope(), roles.service().arn(), roles.instance().arn())
                                .applyValue(t -> StudioPolicies.catalogLaunchRole(t.t1, t.t2, t.t3).toJson()))
                .build();
    }

    private Product product(String name, ClusterCatalogArgs args, UploadedTemplate template) {
        return new Product(name + "-product", ProductArgs.builder()
                // Studio lists templates by product name: letters, digits, '.', '_', '-' only.
                .name(args.namePrefix() + "-emr-spark-cluster")
                .owner(args.project())
                .type(PRODUCT_TYPE)
                .description("EMR on EC2 cluster (Spark, Livy, Jupyter Enterprise Gateway) for EMR Studio Workspaces; terminates when idle")
                .provisioningArtifactParameters(ProductProvisioningArtifactParametersArgs.builder()
                        .name(template.version())
                        .description("Rendered from src/main/resources/" + ClusterTemplate.RESOURCE)
                        .type(PRODUCT_TYPE)
                        .templateUrl(Output.tuple(args.bucketRegionalDomainName(), template.key())
                                .applyValue(t -> "https://" + t.t1 + "/" + t.t2))
                        .build())
                .tags(args.tags())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(template.object()).build());
    }

    /**
     * The product in the portfolio, then the launch constraint. A constraint on a product that is not yet in the
     * portfolio fails with ResourceNotFound: the reference stack raced the two. AWS's CloudFormation reference gives
     * the same advice for its constraint resources
     * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-servicecatalog-launchroleconstraint.html).
     */
    private void constrainLaunches(String name, Portfolio portfolio, Product product, IamRole launchRole) {
        var association = new ProductPortfolioAssociation(name + "-product-association", ProductPortfolioAssociationArgs.builder()
                .portfolioId(portfolio.id())
                .productId(product.id())
                .build(), child());
        new Constraint(name + "-launch-constraint", ConstraintArgs.builder()
                .portfolioId(portfolio.id())
                .productId(product.id())
                .type("LAUNCH")
                .description("Launch EMR Studio clusters with the catalog launch role")
                .parameters(launchRole.role().arn().applyValue(arn -> GSON.toJson(Map.of("RoleArn", arn))))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(association, launchRole.grants().get(0)).build());
    }

    /** The portfolio's ID. */
    public Output<String> portfolioId() { return portfolioId; }

    /** The cluster template product's ID. */
    public Output<String> productId() { return productId; }

    /** The product's ARN, for the intermediate session policy's ProvisionProduct statement. */
    public Output<String> productArn() { return productArn; }

    /** The EMR service role of catalog clusters. */
    public Output<String> clusterServiceRoleArn() { return clusterServiceRoleArn; }

    /** The role inside the catalog clusters' instance profile. */
    public Output<String> clusterInstanceRoleArn() { return clusterInstanceRoleArn; }

    /** The S3 key the rendered template was uploaded under. */
    public Output<String> templateKey() { return templateKey; }
}
