#include "kustomize/kustinternal.h"

#include <algorithm>
#include <unordered_map>

// Field specs and transformer configurations: kustomize's builtin field specs
// (api/internal/konfig/builtinpluginconsts), `configurations:` files and CRD-derived specs.

namespace kanri::kustomize::detail {

std::vector<std::string> splitPath(const std::string &path)
{
    std::vector<std::string> out;
    std::string cur;
    for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '\\' && i + 1 < path.size() && path[i + 1] == '/') {
            cur += '/';
            ++i;
        } else if (path[i] == '/') {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += path[i];
        }
    }
    out.push_back(cur);
    return out;
}

// kustomize's fieldspec.Filter: sequences are walked element by element with the same path, a
// null stops the walk (or, with create, becomes a map; a `name[]` hint turns it into an empty
// sequence), and a scalar where the path goes on is an error.
Result<void> walkPath(Value &node, const std::vector<std::string> &segs, size_t i, bool create,
                      const NodeFn &fn)
{
    if (i == segs.size())
        return fn(node);
    if (node.isSeq()) {
        for (Value &item : node.items) {
            if (item.isNull())
                continue;
            if (auto r = walkPath(item, segs, i, create, fn); !r) {
                QStringList rest;
                for (size_t k = i; k < segs.size(); ++k)
                    rest << qs(segs[k]);
                return std::unexpected(
                    wrap(tr("visit traversal on path: [%1]").arg(rest.join(QLatin1Char(' '))),
                         r.error()));
            }
        }
        return {};
    }
    if (node.isNull())
        return {};
    if (!node.isMap())
        return fail(Error::Code::Syntax, tr("expected sequence or mapping node"));
    std::string name = segs[i];
    bool isSeq = false;
    if (name.ends_with("[]")) {
        name.resize(name.size() - 2);
        isSeq = true;
    }
    Value *child = node.get(name);
    if (i + 1 == segs.size()) {
        if (!child) {
            if (!create)
                return {};
            child = &node.set(name, Value());
        } else if (child->isNull() && isSeq && !create) {
            *child = Value::seq();
        }
        return fn(*child);
    }
    if (!child) {
        if (!create || isSeq)
            return {};
        child = &node.set(name, Value::map());
    } else if (child->isNull()) {
        if (isSeq) {
            *child = Value::seq(); // kustomize takes the hint: the null becomes []
            return {};
        }
        if (!create)
            return {};
        *child = Value::map();
    }
    return walkPath(*child, segs, i + 1, create, fn);
}

Result<void> applyFieldSpec(Value &obj, const FieldSpec &fs, const NodeFn &fn)
{
    // A few hundred field-spec paths are applied to every resource of every render: each is
    // split once per thread. Entries are never removed (a walk may nest another), and past
    // the bound a path is split per call.
    thread_local std::unordered_map<std::string, std::vector<std::string>> split;
    auto it = split.find(fs.path);
    if (it == split.end()) {
        if (split.size() >= 4096)
            return walkPath(obj, splitPath(fs.path), 0, fs.create, fn);
        it = split.emplace(fs.path, splitPath(fs.path)).first;
    }
    return walkPath(obj, it->second, 0, fs.create, fn);
}

Result<void> applyFieldSpec(Resource &r, const FieldSpec &fs, const NodeFn &fn)
{
    if (auto x = applyFieldSpec(r.obj, fs, fn); !x)
        return std::unexpected(wrap(
            tr("considering field '%1' of object %2").arg(qs(fs.path), qs(r.curId().toString())),
            x.error()));
    return {};
}

Error wrongNodeKind(const char *expected, const Value &node)
{
    return Error{tr("wrong node kind: expected %1 but got %2: node contents:\n%3")
                     .arg(QLatin1String(expected),
                          QLatin1String(node.isMap()   ? "MappingNode"
                                        : node.isSeq() ? "SequenceNode"
                                                       : "ScalarNode"),
                          qs(toJson(node))),
                 {},
                 0,
                 0,
                 Error::Code::Syntax};
}

Result<std::vector<FieldSpec>> parseFieldSpecs(const Value &seq)
{
    std::vector<FieldSpec> out;
    if (!seq.isSeq())
        return out;
    for (const Value &it : seq.items) {
        if (!it.isMap())
            continue;
        FieldSpec fs;
        fs.path = it.str({"path"});
        fs.gvk.group = it.str({"group"});
        fs.gvk.version = it.str({"version"});
        fs.gvk.kind = it.str({"kind"});
        const Value *c = it.get("create");
        fs.create = c && c->text == "true";
        out.push_back(std::move(fs));
    }
    return out;
}

Result<TransformerConfig> parseTransformerConfig(const Value &doc)
{
    TransformerConfig tc;
    if (!doc.isMap())
        return tc;
    auto fs = [&](const char *key, std::vector<FieldSpec> &dst) -> Result<void> {
        if (const Value *v = doc.get(key)) {
            auto r = parseFieldSpecs(*v);
            if (!r)
                return std::unexpected(r.error());
            dst = std::move(*r);
        }
        return {};
    };
    if (auto r = fs("namePrefix", tc.namePrefix); !r)
        return std::unexpected(r.error());
    fs("nameSuffix", tc.nameSuffix);
    fs("namespace", tc.nameSpace);
    fs("commonLabels", tc.commonLabels);
    fs("templateLabels", tc.templateLabels);
    fs("labels", tc.labels);
    fs("commonAnnotations", tc.commonAnnotations);
    fs("images", tc.images);
    fs("replicas", tc.replicas);
    fs("varReference", tc.varReference);
    if (const Value *nr = doc.get("nameReference"); nr && nr->isSeq()) {
        for (const Value &b : nr->items) {
            NameBackRef br;
            br.gvk.group = b.str({"group"});
            br.gvk.version = b.str({"version"});
            br.gvk.kind = b.str({"kind"});
            if (const Value *f = b.get("fieldSpecs")) {
                auto r = parseFieldSpecs(*f);
                if (r)
                    br.referrers = std::move(*r);
            }
            tc.nameReference.push_back(std::move(br));
        }
    }
    return tc;
}

namespace {

void crdIntoConfig(TransformerConfig &tc, const Gvk &gvk, const Value &defs,
                   const std::string &typeName, const std::string &path, int depth)
{
    if (depth > 32)
        return; // a $ref cycle
    const Value *api = defs.get(typeName);
    const Value *props = api ? api->at({"Schema", "properties"}) : nullptr;
    if (!props || !props->isMap())
        return;
    for (const MapEntry &p : props->entries) {
        const Value &prop = p.value;
        if (!prop.isMap())
            continue;
        const std::string fieldPath = path.empty() ? p.key : path + "/" + p.key;
        auto has = [&](const char *ext) {
            const Value *v = prop.get(ext);
            return v && v->isScalar();
        };
        if (has("x-kubernetes-annotation"))
            tc.commonAnnotations.push_back(FieldSpec{gvk, fieldPath, false});
        if (has("x-kubernetes-label-selector"))
            tc.commonLabels.push_back(FieldSpec{gvk, fieldPath, false});
        if (has("x-kubernetes-identity"))
            tc.namePrefix.push_back(FieldSpec{gvk, fieldPath, false});
        const std::string version = prop.str({"x-kubernetes-object-ref-api-version"});
        const std::string kind = prop.str({"x-kubernetes-object-ref-kind"});
        if (has("x-kubernetes-object-ref-api-version") && has("x-kubernetes-object-ref-kind")) {
            std::string nameKey = prop.str({"x-kubernetes-object-ref-name-key"});
            if (nameKey.empty())
                nameKey = "name";
            NameBackRef br;
            br.gvk = Gvk{{}, version, kind};
            br.referrers.push_back(FieldSpec{gvk, fieldPath + "/" + nameKey, false});
            TransformerConfig one;
            one.nameReference.push_back(std::move(br));
            tc.merge(one);
        }
        if (const std::string ref = prop.str({"$ref"}); !ref.empty())
            crdIntoConfig(tc, gvk, defs, ref, fieldPath, depth + 1);
    }
}

} // namespace

TransformerConfig transformerConfigFromCrds(const Value &doc)
{
    TransformerConfig out;
    if (!doc.isMap())
        return out;
    for (const MapEntry &e : doc.entries) {
        const Value *props = e.value.at({"Schema", "properties"});
        // Only definitions that look like a Kubernetes type.
        if (!props || !props->get("kind") || !props->get("apiVersion") || !props->get("metadata"))
            continue;
        const auto dot = e.key.rfind('.');
        const Gvk gvk{{}, {}, dot == std::string::npos ? e.key : e.key.substr(dot + 1)};
        TransformerConfig tc;
        crdIntoConfig(tc, gvk, doc, e.key, {}, 0);
        out.merge(tc);
    }
    return out;
}

namespace {

void mergeSpecs(std::vector<FieldSpec> &dst, const std::vector<FieldSpec> &src)
{
    for (const FieldSpec &f : src) {
        bool dup = false;
        for (const FieldSpec &d : dst)
            if (d.path == f.path && d.gvk == f.gvk) {
                dup = true;
                break;
            }
        if (!dup)
            dst.push_back(f);
    }
}

} // namespace

void TransformerConfig::merge(const TransformerConfig &o)
{
    mergeSpecs(namePrefix, o.namePrefix);
    mergeSpecs(nameSuffix, o.nameSuffix);
    mergeSpecs(nameSpace, o.nameSpace);
    mergeSpecs(commonLabels, o.commonLabels);
    mergeSpecs(templateLabels, o.templateLabels);
    mergeSpecs(labels, o.labels);
    mergeSpecs(commonAnnotations, o.commonAnnotations);
    mergeSpecs(images, o.images);
    mergeSpecs(replicas, o.replicas);
    mergeSpecs(varReference, o.varReference);
    for (const NameBackRef &b : o.nameReference) {
        bool found = false;
        for (NameBackRef &d : nameReference)
            if (d.gvk == b.gvk) {
                mergeSpecs(d.referrers, b.referrers);
                found = true;
                break;
            }
        if (!found)
            nameReference.push_back(b);
    }
}

// ---- default configuration (kustomize's builtin field specs) --------------------------------

namespace {

FieldSpec F(const char *path, const char *kind = "", const char *group = "",
            const char *version = "", bool create = false)
{
    return FieldSpec{Gvk{group, version, kind}, path, create};
}

std::vector<FieldSpec> podSpecRefs(const std::vector<std::string> &tails, bool withPod = true)
{
    // Paths under a pod spec for each workload kind.
    std::vector<FieldSpec> out;
    struct K
    {
        const char *kind;
        const char *prefix;
    };
    std::vector<K> kinds = {{"Pod", "spec/"},
                            {"PodTemplate", "template/spec/"},
                            {"Deployment", "spec/template/spec/"},
                            {"ReplicaSet", "spec/template/spec/"},
                            {"DaemonSet", "spec/template/spec/"},
                            {"StatefulSet", "spec/template/spec/"},
                            {"Job", "spec/template/spec/"},
                            {"CronJob", "spec/jobTemplate/spec/template/spec/"},
                            {"ReplicationController", "spec/template/spec/"}};
    for (const K &k : kinds) {
        if (!withPod && std::string(k.kind) == "Pod")
            continue;
        for (const std::string &t : tails)
            out.push_back(FieldSpec{Gvk{"", "", k.kind}, std::string(k.prefix) + t, false});
    }
    return out;
}

} // namespace

TransformerConfig TransformerConfig::defaults()
{
    TransformerConfig tc;
    tc.namePrefix = {F("metadata/name")};
    tc.nameSuffix = {F("metadata/name")};
    tc.nameSpace = {F("metadata/name", "Namespace", "", "v1", true),
                    F("metadata/namespace", "", "", "", true),
                    F("spec/service/namespace", "APIService", "apiregistration.k8s.io"),
                    F("spec/conversion/webhook/clientConfig/service/namespace",
                      "CustomResourceDefinition", "apiextensions.k8s.io")};
    // Template labels (also used by labels with includeTemplates).
    tc.templateLabels = {
        F("spec/template/metadata/labels", "ReplicationController", "", "v1", true),
        F("spec/template/metadata/labels", "Deployment", "", "", true),
        F("spec/template/metadata/labels", "ReplicaSet", "", "", true),
        F("spec/template/metadata/labels", "DaemonSet", "", "", true),
        F("spec/template/metadata/labels", "StatefulSet", "apps", "", true),
        F("spec/template/metadata/labels", "Job", "batch", "", true),
        F("spec/jobTemplate/metadata/labels", "CronJob", "batch", "", true),
        F("spec/jobTemplate/spec/template/metadata/labels", "CronJob", "batch", "", true),
    };
    tc.commonLabels = {
        F("metadata/labels", "", "", "", true),
        F("spec/selector", "Service", "", "v1", true),
        F("spec/selector", "ReplicationController", "", "v1", true),
        F("spec/selector/matchLabels", "Deployment", "", "", true),
        F("spec/template/spec/affinity/podAffinity/"
          "preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/"
          "matchLabels",
          "Deployment", "apps"),
        F("spec/template/spec/affinity/podAffinity/"
          "requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
          "Deployment", "apps"),
        F("spec/template/spec/affinity/podAntiAffinity/"
          "preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/"
          "matchLabels",
          "Deployment", "apps"),
        F("spec/template/spec/affinity/podAntiAffinity/"
          "requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
          "Deployment", "apps"),
        F("spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels", "Deployment",
          "apps"),
        F("spec/selector/matchLabels", "ReplicaSet", "", "", true),
        F("spec/selector/matchLabels", "DaemonSet", "", "", true),
        F("spec/selector/matchLabels", "StatefulSet", "apps", "", true),
        F("spec/volumeClaimTemplates[]/metadata/labels", "StatefulSet", "apps", "", true),
        F("spec/template/spec/affinity/podAffinity/"
          "preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/"
          "matchLabels",
          "StatefulSet", "apps"),
        F("spec/template/spec/affinity/podAffinity/"
          "requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
          "StatefulSet", "apps"),
        F("spec/template/spec/affinity/podAntiAffinity/"
          "preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/"
          "matchLabels",
          "StatefulSet", "apps"),
        F("spec/template/spec/affinity/podAntiAffinity/"
          "requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
          "StatefulSet", "apps"),
        F("spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels", "StatefulSet",
          "apps"),
        F("spec/selector/matchLabels", "Job", "batch"),
        F("spec/jobTemplate/spec/selector/matchLabels", "CronJob", "batch"),
        F("spec/selector/matchLabels", "PodDisruptionBudget", "policy"),
        F("spec/podSelector/matchLabels", "NetworkPolicy", "networking.k8s.io"),
        F("spec/ingress/from/podSelector/matchLabels", "NetworkPolicy", "networking.k8s.io"),
        F("spec/egress/to/podSelector/matchLabels", "NetworkPolicy", "networking.k8s.io"),
    };
    for (const FieldSpec &f : tc.templateLabels)
        tc.commonLabels.push_back(f);
    tc.commonAnnotations = {
        F("metadata/annotations", "", "", "", true),
        F("spec/template/metadata/annotations", "ReplicationController", "", "v1", true),
        F("spec/template/metadata/annotations", "Deployment", "", "", true),
        F("spec/template/metadata/annotations", "ReplicaSet", "", "", true),
        F("spec/template/metadata/annotations", "DaemonSet", "", "", true),
        F("spec/template/metadata/annotations", "StatefulSet", "apps", "", true),
        F("spec/template/metadata/annotations", "Job", "batch", "", true),
        F("spec/jobTemplate/metadata/annotations", "CronJob", "batch", "", true),
        F("spec/jobTemplate/spec/template/metadata/annotations", "CronJob", "batch", "", true),
    };
    tc.images = {
        F("spec/containers[]/image"),
        F("spec/initContainers[]/image"),
        F("spec/template/spec/containers[]/image"),
        F("spec/template/spec/initContainers[]/image"),
    };
    tc.replicas = {
        F("spec/replicas", "Deployment", "", "", true),
        F("spec/replicas", "StatefulSet", "", "", true),
        F("spec/replicas", "ReplicaSet", "", "", true),
        F("spec/replicas", "ReplicationController", "", "", true),
    };
    tc.varReference = {
        F("spec/jobTemplate/spec/template/spec/containers/args", "CronJob"),
        F("spec/jobTemplate/spec/template/spec/containers/command", "CronJob"),
        F("spec/jobTemplate/spec/template/spec/containers/env/value", "CronJob"),
        F("spec/jobTemplate/spec/template/spec/containers/volumeMounts/mountPath", "CronJob"),
        F("spec/jobTemplate/spec/template/spec/initContainers/args", "CronJob"),
        F("spec/jobTemplate/spec/template/spec/initContainers/command", "CronJob"),
        F("spec/jobTemplate/spec/template/spec/initContainers/env/value", "CronJob"),
        F("spec/jobTemplate/spec/template/spec/initContainers/volumeMounts/mountPath", "CronJob"),
        F("spec/jobTemplate/spec/template/volumes/nfs/server", "CronJob"),
        F("spec/template/spec/containers/args", "DaemonSet"),
        F("spec/template/spec/containers/command", "DaemonSet"),
        F("spec/template/spec/containers/env/value", "DaemonSet"),
        F("spec/template/spec/containers/volumeMounts/mountPath", "DaemonSet"),
        F("spec/template/spec/initContainers/args", "DaemonSet"),
        F("spec/template/spec/initContainers/command", "DaemonSet"),
        F("spec/template/spec/initContainers/env/value", "DaemonSet"),
        F("spec/template/spec/initContainers/volumeMounts/mountPath", "DaemonSet"),
        F("spec/template/spec/volumes/nfs/server", "DaemonSet"),
        F("spec/template/spec/containers/args", "Deployment"),
        F("spec/template/spec/containers/command", "Deployment"),
        F("spec/template/spec/containers/env/value", "Deployment"),
        F("spec/template/spec/containers/volumeMounts/mountPath", "Deployment"),
        F("spec/template/spec/initContainers/args", "Deployment"),
        F("spec/template/spec/initContainers/command", "Deployment"),
        F("spec/template/spec/initContainers/env/value", "Deployment"),
        F("spec/template/spec/initContainers/volumeMounts/mountPath", "Deployment"),
        F("spec/template/spec/volumes/nfs/server", "Deployment"),
        F("spec/template/metadata/annotations", "Deployment"),
        F("spec/template/spec/containers/args", "ReplicaSet"),
        F("spec/template/spec/containers/command", "ReplicaSet"),
        F("spec/template/spec/containers/env/value", "ReplicaSet"),
        F("spec/template/spec/containers/volumeMounts/mountPath", "ReplicaSet"),
        F("spec/template/spec/initContainers/args", "ReplicaSet"),
        F("spec/template/spec/initContainers/command", "ReplicaSet"),
        F("spec/template/spec/initContainers/env/value", "ReplicaSet"),
        F("spec/template/spec/initContainers/volumeMounts/mountPath", "ReplicaSet"),
        F("spec/template/spec/volumes/nfs/server", "ReplicaSet"),
        F("spec/containers/args", "Pod"),
        F("spec/containers/command", "Pod"),
        F("spec/containers/env/value", "Pod"),
        F("spec/containers/volumeMounts/mountPath", "Pod"),
        F("spec/initContainers/args", "Pod"),
        F("spec/initContainers/command", "Pod"),
        F("spec/initContainers/env/value", "Pod"),
        F("spec/initContainers/volumeMounts/mountPath", "Pod"),
        F("spec/volumes/nfs/server", "Pod"),
        F("spec/nfs/server", "PersistentVolume"),
        F("spec/volumeClaimTemplates/spec/nfs/server", "StatefulSet"),
        F("spec/template/spec/containers/args", "StatefulSet"),
        F("spec/template/spec/containers/command", "StatefulSet"),
        F("spec/template/spec/containers/env/value", "StatefulSet"),
        F("spec/template/spec/containers/volumeMounts/mountPath", "StatefulSet"),
        F("spec/template/spec/initContainers/args", "StatefulSet"),
        F("spec/template/spec/initContainers/command", "StatefulSet"),
        F("spec/template/spec/initContainers/env/value", "StatefulSet"),
        F("spec/template/spec/initContainers/volumeMounts/mountPath", "StatefulSet"),
        F("spec/template/spec/volumes/nfs/server", "StatefulSet"),
        F("spec/template/spec/containers/args", "Job"),
        F("spec/template/spec/containers/command", "Job"),
        F("spec/template/spec/containers/env/value", "Job"),
        F("spec/template/spec/containers/volumeMounts/mountPath", "Job"),
        F("spec/template/spec/initContainers/args", "Job"),
        F("spec/template/spec/initContainers/command", "Job"),
        F("spec/template/spec/initContainers/env/value", "Job"),
        F("spec/template/spec/initContainers/volumeMounts/mountPath", "Job"),
        F("spec/template/spec/volumes/nfs/server", "Job"),
        F("spec/rules/host", "Ingress"),
        F("spec/tls/hosts", "Ingress"),
        F("spec/tls/secretName", "Ingress"),
        F("metadata/annotations"),
        F("metadata/labels"),
        F("spec/hosts", "Gateway"),
        F("spec/servers/hosts", "Gateway"),
        F("spec/hosts", "VirtualService"),
        F("spec/http/route/destination/host", "VirtualService"),
        F("spec/host", "DestinationRule"),
        F("spec/service/name", "APIService"),
        F("spec/service/namespace", "APIService"),
        F("webhooks/clientConfig/service/name", "ValidatingWebhookConfiguration"),
        F("webhooks/clientConfig/service/namespace", "ValidatingWebhookConfiguration"),
        F("webhooks/clientConfig/service/name", "MutatingWebhookConfiguration"),
        F("webhooks/clientConfig/service/namespace", "MutatingWebhookConfiguration"),
        F("spec/schedule", "CronJob"),
        F("data"),
        F("spec/initContainers/env/value"),
        F("spec/containers/env/value"),
    };

    auto backRef = [&](Gvk g, std::vector<FieldSpec> refs) {
        tc.nameReference.push_back(NameBackRef{std::move(g), std::move(refs)});
    };
    auto hpa = [](const char *) {
        return std::vector<FieldSpec>{F("spec/scaleTargetRef/name", "HorizontalPodAutoscaler")};
    };
    backRef(Gvk{"", "", "Deployment"}, hpa(""));
    backRef(Gvk{"", "", "ReplicationController"}, hpa(""));
    backRef(Gvk{"", "", "ReplicaSet"}, hpa(""));
    backRef(Gvk{"", "", "StatefulSet"}, hpa(""));

    std::vector<FieldSpec> cm = podSpecRefs(
        {"volumes/configMap/name", "containers/env/valueFrom/configMapKeyRef/name",
         "initContainers/env/valueFrom/configMapKeyRef/name",
         "containers/envFrom/configMapRef/name", "initContainers/envFrom/configMapRef/name",
         "volumes/projected/sources/configMap/name"});
    cm.push_back(F("spec/configSource/configMap", "Node"));
    cm.push_back(F("rules/resourceNames", "Role"));
    cm.push_back(F("rules/resourceNames", "ClusterRole"));
    cm.push_back(F("metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap",
                   "Ingress"));
    backRef(Gvk{"", "v1", "ConfigMap"}, cm);

    std::vector<FieldSpec> sec =
        podSpecRefs({"volumes/secret/secretName", "containers/env/valueFrom/secretKeyRef/name",
                     "initContainers/env/valueFrom/secretKeyRef/name",
                     "containers/envFrom/secretRef/name", "initContainers/envFrom/secretRef/name",
                     "imagePullSecrets/name", "volumes/projected/sources/secret/name"});
    for (const char *p :
         {"spec/tls/secretName", "metadata/annotations/ingress.kubernetes.io\\/auth-secret",
          "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret",
          "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret"})
        sec.push_back(F(p, "Ingress"));
    sec.push_back(F("imagePullSecrets/name", "ServiceAccount"));
    for (const char *p : {"parameters/secretName", "parameters/adminSecretName",
                          "parameters/userSecretName", "parameters/secretRef"})
        sec.push_back(F(p, "StorageClass"));
    sec.push_back(F("rules/resourceNames", "Role"));
    sec.push_back(F("rules/resourceNames", "ClusterRole"));
    sec.push_back(F("spec/template/spec/containers/env/valueFrom/secretKeyRef/name", "Service",
                    "serving.knative.dev", "v1"));
    sec.push_back(F("spec/azureFile/secretName", "PersistentVolume"));
    backRef(Gvk{"", "v1", "Secret"}, sec);

    backRef(Gvk{"", "v1", "Service"},
            {F("spec/serviceName", "StatefulSet", "apps"),
             F("spec/rules/http/paths/backend/serviceName", "Ingress"),
             F("spec/backend/serviceName", "Ingress"),
             F("spec/rules/http/paths/backend/service/name", "Ingress"),
             F("spec/defaultBackend/service/name", "Ingress"),
             F("spec/service/name", "APIService", "apiregistration.k8s.io"),
             F("webhooks/clientConfig/service", "ValidatingWebhookConfiguration",
               "admissionregistration.k8s.io"),
             F("webhooks/clientConfig/service", "MutatingWebhookConfiguration",
               "admissionregistration.k8s.io"),
             F("spec/rules/backendRefs/name", "HTTPRoute")});
    backRef(Gvk{"rbac.authorization.k8s.io", "", "Role"},
            {F("roleRef/name", "RoleBinding", "rbac.authorization.k8s.io")});
    backRef(Gvk{"rbac.authorization.k8s.io", "", "ClusterRole"},
            {F("roleRef/name", "RoleBinding", "rbac.authorization.k8s.io"),
             F("roleRef/name", "ClusterRoleBinding", "rbac.authorization.k8s.io")});
    std::vector<FieldSpec> sa = {F("subjects", "RoleBinding", "rbac.authorization.k8s.io"),
                                 F("subjects", "ClusterRoleBinding", "rbac.authorization.k8s.io"),
                                 F("spec/serviceAccountName", "Pod")};
    for (const char *k : {"StatefulSet", "Deployment", "ReplicationController", "Job", "DaemonSet"})
        sa.push_back(F("spec/template/spec/serviceAccountName", k));
    sa.push_back(F("spec/jobTemplate/spec/template/spec/serviceAccountName", "CronJob"));
    backRef(Gvk{"", "v1", "ServiceAccount"}, sa);
    std::vector<FieldSpec> pvc = {F("spec/volumes/persistentVolumeClaim/claimName", "Pod")};
    for (const char *k : {"StatefulSet", "Deployment", "ReplicationController", "Job", "DaemonSet"})
        pvc.push_back(F("spec/template/spec/volumes/persistentVolumeClaim/claimName", k));
    pvc.push_back(F("spec/jobTemplate/spec/template/spec/volumes/persistentVolumeClaim/claimName",
                    "CronJob"));
    backRef(Gvk{"", "v1", "PersistentVolumeClaim"}, pvc);
    backRef(Gvk{"", "v1", "PersistentVolume"}, {F("spec/volumeName", "PersistentVolumeClaim"),
                                                F("rules/resourceNames", "ClusterRole")});
    backRef(Gvk{"storage.k8s.io", "v1", "StorageClass"},
            {F("spec/storageClassName", "PersistentVolume"),
             F("spec/storageClassName", "PersistentVolumeClaim"),
             F("spec/volumeClaimTemplates/spec/storageClassName", "StatefulSet")});
    std::vector<FieldSpec> pc = {F("spec/priorityClassName", "Pod")};
    for (const char *k : {"StatefulSet", "Deployment", "ReplicationController", "Job", "DaemonSet"})
        pc.push_back(F("spec/template/spec/priorityClassName", k));
    pc.push_back(F("spec/jobTemplate/spec/template/spec/priorityClassName", "CronJob"));
    backRef(Gvk{"scheduling.k8s.io", "v1", "PriorityClass"}, pc);
    backRef(
        Gvk{"admissionregistration.k8s.io", "", "ValidatingAdmissionPolicy"},
        {F("spec/policyName", "ValidatingAdmissionPolicyBinding", "admissionregistration.k8s.io")});
    backRef(Gvk{"networking.k8s.io/v1", "v1", "IngressClass"},
            {F("spec/ingressClassName", "Ingress")});
    return tc;
}

} // namespace kanri::kustomize::detail
