package io.bigdatastack.studio;

import com.pulumi.aws.identitystore.IdentitystoreFunctions;
import com.pulumi.aws.identitystore.inputs.GetGroupAlternateIdentifier;
import com.pulumi.aws.identitystore.inputs.GetGroupAlternateIdentifierUniqueAttribute;
import com.pulumi.aws.identitystore.inputs.GetGroupPlainArgs;
import com.pulumi.aws.identitystore.inputs.GetUserAlternateIdentifier;
import com.pulumi.aws.identitystore.inputs.GetUserAlternateIdentifierUniqueAttribute;
import com.pulumi.aws.identitystore.inputs.GetUserPlainArgs;
import com.pulumi.aws.ssoadmin.SsoadminFunctions;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.InvokeArgs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Looks up the IAM Identity Center users and groups a Studio maps, in the Identity Store of the Region's Identity
 * Center instance (ssoadmin ListInstances, identitystore GetUserId/GetGroupId by {@code UserName}/{@code DisplayName}:
 * https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_GetUserId.html). Invokes run during
 * {@code pulumi preview}, so a misspelt name fails the preview in seconds, naming the config key, instead of the
 * session mapping failing after the cluster was built.
 */
final class IdentityCenterLookup {

    /** What a failure message shows instead of a name set with {@code pulumi config set --secret}. */
    static final String SECRET_MASK = "[secret]";

    private final InvokeOptions options;
    private final String region;
    private final Output<String> identityStoreId;

    IdentityCenterLookup(InvokeOptions options, String region) {
        this.options = options;
        this.region = region;
        this.identityStoreId = Output.of(SsoadminFunctions.getInstancesPlain(InvokeArgs.Empty, options)
                .thenApply(result -> {
                    if (result.identityStoreIds().isEmpty()) {
                        throw new IllegalStateException("studioAuthMode is SSO but IAM Identity Center has no instance in " + region
                                + ": enable Identity Center there, or set big-data-stack:studioAuthMode to IAM");
                    }
                    return result.identityStoreIds().get(0);
                }));
    }

    /** The user's name once the Identity Store has confirmed it exists (fails the deployment otherwise). */
    Output<String> user(String configKey, String userName) {
        return user(configKey, userName, userName);
    }

    /** As {@link #user(String, String)}; {@code shownName} is what a failure message prints (a secret's is masked). */
    Output<String> user(String configKey, String userName, String shownName) {
        return identityStoreId.apply(storeId -> Output.of(explain(IdentitystoreFunctions.getUserPlain(
                GetUserPlainArgs.builder()
                        .identityStoreId(storeId)
                        .alternateIdentifier(GetUserAlternateIdentifier.builder()
                                .uniqueAttribute(GetUserAlternateIdentifierUniqueAttribute.builder()
                                        .attributePath("UserName").attributeValue(userName).build())
                                .build())
                        .build(), options).thenApply(found -> userName), configKey, "user", shownName, storeId)));
    }

    /** The group's display name once the Identity Store has confirmed it exists (fails the deployment otherwise). */
    Output<String> group(String configKey, String displayName) {
        return identityStoreId.apply(storeId -> Output.of(explain(IdentitystoreFunctions.getGroupPlain(
                GetGroupPlainArgs.builder()
                        .identityStoreId(storeId)
                        .alternateIdentifier(GetGroupAlternateIdentifier.builder()
                                .uniqueAttribute(GetGroupAlternateIdentifierUniqueAttribute.builder()
                                        .attributePath("DisplayName").attributeValue(displayName).build())
                                .build())
                        .build(), options).thenApply(found -> displayName), configKey, "group", displayName, storeId)));
    }

    private CompletableFuture<String> explain(CompletableFuture<String> lookup, String configKey, String kind, String name, String storeId) {
        return lookup.exceptionally(failure -> {
            var cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            // Not chained: the message already carries the provider's, and error reporting shows the root cause. The
            // provider's text may repeat the name it looked up, so a masked (secret) name drops it.
            var detail = SECRET_MASK.equals(name) ? "" : " (" + cause.getMessage() + ")";
            throw new IllegalArgumentException("big-data-stack:" + configKey + ": IAM Identity Center " + kind + " '" + name
                    + "' was not found in identity store " + storeId + " (" + region + "); check the spelling, or create the "
                    + kind + " first" + detail);
        });
    }
}
