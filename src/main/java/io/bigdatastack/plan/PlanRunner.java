package io.bigdatastack.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a Pulumi program in-process against {@link AwsMockEngine} and records every registration as a {@link Plan}.
 *
 * <p>This is the one place that touches Pulumi's internal test API ({@code PulumiTestInternal}): its monitor
 * decorator is the only way to see each RegisterResourceRequest with its dependencies. The public mocks API
 * cannot inject that hook (pulumi-java#1333 for the related config gap). Tests and {@code plan} both come here.
 *
 * <p>Runs are not re-entrant: Pulumi keeps the deployment in a global, so one run at a time.
 */
public final class PlanRunner {

    /** Upper bound on the wait for registrations before handing over to the SDK (mock registrations take ms). */
    private static final java.time.Duration REGISTRATION_WAIT = java.time.Duration.ofSeconds(60);

    private PlanRunner() {
    }

    /** A program run that failed inside Pulumi: its exceptions, joined. */
    public static final class PlanFailedException extends RuntimeException {
        PlanFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Plan run(String project, String stack, String region, Consumer<Context> program) {
        return run(project, stack, new AwsMockEngine(region), program);
    }

    /** As {@link #run(String, String, String, Consumer)}, against a given engine (tests make names missing). */
    public static synchronized Plan run(String project, String stack, AwsMockEngine engine, Consumer<Context> program) {
        var recorder = new RecordingMonitor();
        // A stack transformation sees resources in the order the program constructs them, which is deterministic;
        // registrations arrive in whatever order their inputs resolve.
        ResourceTransformation recordConstructionOrder = args -> {
            recorder.constructed(args.resource());
            return Optional.empty();
        };
        var options = TestOptions.builder()
                .projectName(project)
                .stackName(stack)
                .preview(false)
                .resourceTransformations(List.of(recordConstructionOrder))
                .build();
        var quiet = Logger.getLogger("io.bigdatastack.plan.pulumi");
        quiet.setLevel(Level.SEVERE);
        quiet.setUseParentHandlers(false);
        try {
            var test = PulumiTestInternal.builder()
                    .options(options)
                    .mocks(engine)
                    .standardLogger(quiet)
                    .monitorDecorator(ignored -> recorder.attach(engine.copy()))
                    .build();
            var result = test.runTest(ctx -> {
                program.accept(ctx);
                recorder.awaitRegistrations();
            });
            if (!result.exceptions().isEmpty()) {
                var first = result.exceptions().get(0);
                throw new PlanFailedException(rootMessage(first), first);
            }
            if (!result.errors().isEmpty()) {
                throw new PlanFailedException(String.join("\n", result.errors()), null);
            }
            return new Plan(project, stack, recorder.resources(), outputs(result.outputs()));
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /**
     * The URN as the real engine writes it. The SDK's mock monitor puts the root stack's type into every child's
     * type chain ({@code ::pulumi:pulumi:Stack$aws:ec2/vpc:Vpc::}); the engine leaves it out
     * ({@code ::aws:ec2/vpc:Vpc::}), and the plan-file contract follows the engine.
     */
    static String engineUrn(String urn) {
        return urn.replace("::" + ROOT_STACK_TYPE + "$", "::");
    }

    private static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

    private static String rootMessage(Throwable t) {
        var root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static Map<String, JsonElement> outputs(Map<String, Output<?>> outputs) {
        var result = new LinkedHashMap<String, JsonElement>();
        outputs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            var data = PulumiTestInternal.extractOutputData(e.getValue());
            result.put(e.getKey(), data.isSecret() ? new JsonPrimitive(Plan.SECRET) : toJson(data.getValueNullable()));
        });
        return result;
    }

    private static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Map<?, ?> map) {
            var object = new JsonObject();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            var array = new JsonArray();
            list.forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        return new JsonPrimitive(String.valueOf(value));
    }

    /** Captures each registration request with the URN the engine answered. */
    private static final class RecordingMonitor {
        private final List<Resource> constructionOrder = Collections.synchronizedList(new ArrayList<>());
        private final Map<Resource, Plan.Resource> registered = Collections.synchronizedMap(new IdentityHashMap<>());

        void constructed(Resource resource) {
            constructionOrder.add(resource);
        }

        /**
         * Waits until every resource the program constructed has been registered (or failed to be).
         *
         * <p>Why: once the program returns, the SDK drains its outstanding tasks in a loop that re-formats its whole
         * task table on every turn (pulumi-java 1.36.1, {@code DeploymentImpl.DefaultRunner.checkForTasks}); with a
         * hundred registrations in flight that allocates gigabytes and dominates the plan's run time. Letting the
         * registrations finish first leaves the loop next to nothing to drain. Failures are not handled here: they
         * surface through the SDK as usual. Resources constructed while waiting (inside an apply) are waited for too.
         */
        void awaitRegistrations() {
            int seen = 0;
            while (true) {
                List<Resource> snapshot;
                synchronized (constructionOrder) {
                    if (constructionOrder.size() == seen) {
                        return;
                    }
                    snapshot = List.copyOf(constructionOrder.subList(seen, constructionOrder.size()));
                    seen = constructionOrder.size();
                }
                var urns = snapshot.stream()
                        .map(resource -> com.pulumi.core.internal.Internal.of(resource.urn()).getDataAsync())
                        .toArray(CompletableFuture[]::new);
                try {
                    CompletableFuture.allOf(urns).get(REGISTRATION_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    // A failed registration: the SDK reports it when the run completes.
                } catch (java.util.concurrent.TimeoutException e) {
                    return; // Let the SDK's own loop wait; it reports what never completed.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        MockMonitor attach(AwsMockEngine engine) {
            return new MockMonitor(engine, PulumiTestInternal.mockLog()) {
                @Override
                public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
                    return super.registerResourceAsync(resource, request).thenApply(response -> {
                        registered.put(resource, toPlanned(request, response.getUrn()));
                        return response;
                    });
                }
            };
        }

        List<Plan.Resource> resources() {
            var ordered = new ArrayList<Plan.Resource>();
            var seen = Collections.newSetFromMap(new IdentityHashMap<Resource, Boolean>());
            // The root stack is registered before any transformation runs.
            registered.forEach((resource, planned) -> {
                if (planned.parent() == null) {
                    ordered.add(planned);
                    seen.add(resource);
                }
            });
            synchronized (constructionOrder) {
                for (var resource : constructionOrder) {
                    var planned = registered.get(resource);
                    if (planned != null && seen.add(resource)) {
                        ordered.add(planned);
                    }
                }
            }
            return List.copyOf(ordered);
        }

        private static Plan.Resource toPlanned(RegisterResourceRequest request, String urn) {
            var options = new Plan.Options(request.getProtect(), request.getRetainOnDelete(), request.getDeleteBeforeReplace(),
                    List.copyOf(request.getIgnoreChangesList()), List.copyOf(request.getReplaceOnChangesList()), aliases(request, urn));
            return new Plan.Resource(
                    engineUrn(urn),
                    request.getType(),
                    request.getName(),
                    request.getCustom(),
                    request.getParent().isEmpty() ? null : engineUrn(request.getParent()),
                    request.getProvider().isEmpty() ? null : engineUrn(request.getProvider()),
                    StructJson.toJson(request.getObject()),
                    request.getDependenciesList().stream().map(PlanRunner::engineUrn).sorted().toList(),
                    propertyDependencies(request),
                    options);
        }

        /**
         * The URNs of the resource's aliases, as the engine resolves them: an alias given as a URN is taken as is; an
         * alias spec defaults its name, type, stack, project and parent to the resource's own
         * (https://www.pulumi.com/docs/iac/concepts/options/aliases/).
         */
        static List<String> aliases(RegisterResourceRequest request, String urn) {
            var result = new java.util.TreeSet<String>();
            request.getAliasURNsList().forEach(alias -> result.add(engineUrn(alias)));
            for (var alias : request.getAliasesList()) {
                if (alias.hasUrn()) {
                    result.add(engineUrn(alias.getUrn()));
                    continue;
                }
                var spec = alias.getSpec();
                var parts = engineUrn(urn).split("::", 4);
                if (parts.length < 4) {
                    continue;
                }
                var stack = spec.getStack().isEmpty() ? parts[0].substring("urn:pulumi:".length()) : spec.getStack();
                var project = spec.getProject().isEmpty() ? parts[1] : spec.getProject();
                var type = spec.getType().isEmpty() ? request.getType() : spec.getType();
                var name = spec.getName().isEmpty() ? request.getName() : spec.getName();
                String parent;
                if (spec.hasNoParent() && spec.getNoParent()) {
                    parent = null;
                } else if (spec.hasParentUrn() && !spec.getParentUrn().isEmpty()) {
                    parent = engineUrn(spec.getParentUrn());
                } else {
                    parent = request.getParent().isEmpty() ? null : engineUrn(request.getParent());
                }
                var parentChain = parent == null ? "" : typeChain(parent);
                var chain = parentChain.isEmpty() || parentChain.equals(ROOT_STACK_TYPE) ? type : parentChain + "$" + type;
                result.add("urn:pulumi:" + stack + "::" + project + "::" + chain + "::" + name);
            }
            return List.copyOf(result);
        }

        /** {@code urn:pulumi:<stack>::<project>::<type chain>::<name>}: the type chain. */
        private static String typeChain(String urn) {
            var parts = urn.split("::", 4);
            return parts.length < 4 ? "" : parts[2];
        }

        private static Map<String, List<String>> propertyDependencies(RegisterResourceRequest request) {
            var result = new java.util.TreeMap<String, List<String>>();
            request.getPropertyDependenciesMap().forEach((property, urns) -> {
                if (urns.getUrnsCount() > 0) {
                    result.put(property, urns.getUrnsList().stream().map(PlanRunner::engineUrn).sorted().toList());
                }
            });
            return java.util.Collections.unmodifiableMap(result);
        }
    }
}
