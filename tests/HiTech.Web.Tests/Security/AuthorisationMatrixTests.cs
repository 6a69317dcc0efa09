using System.Globalization;
using System.Text;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// Every endpoint of the platform (API routes and Razor page handlers, read from the app's own
/// <see cref="EndpointDataSource"/>) against each kind of caller. A new endpoint without a line in
/// <see cref="Expectations"/> fails <see cref="Every_endpoint_has_an_expectation"/>, so none is forgotten.
/// <list type="bullet">
/// <item>API without a token: 401. A page without a sign-in: a redirect to the sign-in page.</item>
/// <item>A role the endpoint is not for: 403 (pages: the access-denied page).</item>
/// <item>Another organisation's data: 403 or 404 (pages: also the access-denied page), never 2xx.</item>
/// <item>Lists answer 200 but never carry organisation A's ids to those who may not see them.</item>
/// <item>Allowed callers get through: GETs succeed; changes are sent empty (or without the antiforgery token, for pages),
/// so they get as far as validation (400/409) and change nothing.</item>
/// </list>
/// Callers denied a page POST send a valid antiforgery token, so the handler's own check is what refuses them.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class AuthorisationMatrixTests(SecurityFixture fixture)
{
    /// <summary>What one kind of caller must get.</summary>
    public enum Outcome
    {
        /// <summary>Gets through (see the class summary).</summary>
        Allowed,

        /// <summary>Gets through, but the answer (a list) must not mention organisation A's data.</summary>
        Filtered,

        /// <summary>Wrong role: 403, or for pages the access-denied page.</summary>
        Denied,

        /// <summary>Another organisation's (or another assessor's) data: 403 or 404, or the access-denied page.</summary>
        Hidden,
    }

    private static readonly Who[] Callers = Enum.GetValues<Who>();

    /// <summary>Anyone, signed in or not.</summary>
    private static readonly Dictionary<Who, Outcome> Public = Callers.ToDictionary(w => w, _ => Outcome.Allowed);

    /// <summary>Anyone signed in, whatever the role (their own account).</summary>
    private static readonly Dictionary<Who, Outcome> AnySignedIn = Rule(Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed);

    /// <summary>Pages and API for an enterprise's own organisation (found from the sign-in): any Enterprise user.</summary>
    private static readonly Dictionary<Who, Outcome> EnterpriseOnly = Rule(own: Outcome.Allowed, other: Outcome.Allowed);

    /// <summary>Organisation A's data that only its owner reaches (edits; enterprise pages by id).</summary>
    private static readonly Dictionary<Who, Outcome> OwnerOnly = Rule(own: Outcome.Allowed, other: Outcome.Hidden, assigned: Outcome.Hidden, otherAssessor: Outcome.Hidden, admin: Outcome.Hidden);

    /// <summary>Organisation A's data through the API that the owner reads and the assigned assessor and admins may read too.</summary>
    private static readonly Dictionary<Who, Outcome> Readers = Rule(own: Outcome.Allowed, other: Outcome.Hidden, assigned: Outcome.Allowed, otherAssessor: Outcome.Hidden, admin: Outcome.Allowed);

    /// <summary>A list: each caller sees only what is theirs.</summary>
    private static readonly Dictionary<Who, Outcome> ListOfReaders = Rule(own: Outcome.Allowed, other: Outcome.Filtered, assigned: Outcome.Allowed, otherAssessor: Outcome.Filtered, admin: Outcome.Allowed);

    /// <summary>Pages of assessment A that anyone signed in may ask for, answered only to its readers.</summary>
    private static readonly Dictionary<Who, Outcome> ReadersAnyRole = Rule(own: Outcome.Allowed, other: Outcome.Hidden, assigned: Outcome.Allowed, otherAssessor: Outcome.Hidden, analyst: Outcome.Hidden, admin: Outcome.Allowed, provider: Outcome.Hidden);

    /// <summary>
    /// Certificates of assessment A: the owner organisation, the assessor who approved it (the assigned one) and admins;
    /// another enterprise or assessor gets 404, an analyst 403.
    /// </summary>
    private static readonly Dictionary<Who, Outcome> CertificateHolders = Rule(own: Outcome.Allowed, other: Outcome.Hidden, assigned: Outcome.Allowed, otherAssessor: Outcome.Hidden, admin: Outcome.Allowed);

    /// <summary>Reviews of assessment A: the assessor it is assigned to.</summary>
    private static readonly Dictionary<Who, Outcome> AssignedOnly = Rule(assigned: Outcome.Allowed, otherAssessor: Outcome.Hidden);

    private static readonly Dictionary<Who, Outcome> AssessorsQueue = Rule(assigned: Outcome.Allowed, otherAssessor: Outcome.Filtered);

    /// <summary>Digital maturity lists and starts: enterprises only, each seeing its own.</summary>
    private static readonly Dictionary<Who, Outcome> EnterpriseOwnList = Rule(own: Outcome.Allowed, other: Outcome.Filtered);

    /// <summary>Organisation A's digital maturity assessment: its own enterprise users only (no other role reads it).</summary>
    private static readonly Dictionary<Who, Outcome> MaturityOwner = Rule(own: Outcome.Allowed, other: Outcome.Hidden);

    /// <summary>Organisation A's need: its own enterprise users only; another organisation's answers 404.</summary>
    private static readonly Dictionary<Who, Outcome> NeedOwner = Rule(own: Outcome.Allowed, other: Outcome.Hidden);

    private static readonly Dictionary<Who, Outcome> AdminOnly = Rule(admin: Outcome.Allowed);

    /// <summary>A list of introductions or partnerships: each enterprise and each provider sees only its own (never organisation A's).</summary>
    private static readonly Dictionary<Who, Outcome> OwnSideList = Rule(own: Outcome.Allowed, other: Outcome.Filtered, provider: Outcome.Filtered);

    /// <summary>Partnerships lists: each side sees only its own; officers and admins follow every one.</summary>
    private static readonly Dictionary<Who, Outcome> PartnershipList = Rule(own: Outcome.Allowed, other: Outcome.Filtered, admin: Outcome.Allowed, provider: Outcome.Filtered);

    /// <summary>Recording organisation A's partnership from its introduction: its sides only (another side's answers 404, other roles 403).</summary>
    private static readonly Dictionary<Who, Outcome> PartnershipRecorders = Rule(own: Outcome.Allowed, other: Outcome.Hidden, provider: Outcome.Hidden);

    /// <summary>Either side of a collaboration may start it: an expression of interest, or recording a partnership.</summary>
    private static readonly Dictionary<Who, Outcome> EitherSide = Rule(own: Outcome.Allowed, other: Outcome.Allowed, provider: Outcome.Allowed);

    /// <summary>The send page for organisation A's need and a given provider: organisation A only; anyone else gets 404.</summary>
    private static readonly Dictionary<Who, Outcome> IntroductionSendPage = Rule(own: Outcome.Allowed, other: Outcome.Hidden, provider: Outcome.Hidden);

    /// <summary>A Provider account's own profile (found from the sign-in): no other role, admins included, reaches it.</summary>
    private static readonly Dictionary<Who, Outcome> ProviderOnly = Rule(provider: Outcome.Allowed);

    /// <summary>Organisation A's introduction (sent to it by a provider): its enterprise answers; officers and admins read it.</summary>
    private static readonly Dictionary<Who, Outcome> IntroductionReaders = Rule(own: Outcome.Allowed, other: Outcome.Hidden, assigned: Outcome.Hidden, otherAssessor: Outcome.Hidden, analyst: Outcome.Hidden, admin: Outcome.Allowed, provider: Outcome.Hidden);

    /// <summary>An answer or a message on organisation A's introduction: its enterprise only (an admin reads but does not answer).</summary>
    private static readonly Dictionary<Who, Outcome> IntroductionSide = Rule(own: Outcome.Allowed, other: Outcome.Hidden, assigned: Outcome.Hidden, otherAssessor: Outcome.Hidden, analyst: Outcome.Hidden, admin: Outcome.Hidden, provider: Outcome.Hidden);

    /// <summary>The withdraw form of organisation A's introduction: the page admits its sides (the handler then lets only the sender withdraw).</summary>
    private static readonly Dictionary<Who, Outcome> IntroductionSender = Rule(own: Outcome.Allowed, other: Outcome.Hidden, assigned: Outcome.Hidden, otherAssessor: Outcome.Hidden, analyst: Outcome.Hidden, admin: Outcome.Hidden, provider: Outcome.Hidden);

    /// <summary>The same through the API, where the roles without introductions are refused before any lookup.</summary>
    private static readonly Dictionary<Who, Outcome> IntroductionReadersApi = Rule(own: Outcome.Allowed, other: Outcome.Hidden, admin: Outcome.Allowed, provider: Outcome.Hidden);

    private static readonly Dictionary<Who, Outcome> IntroductionSideApi = Rule(own: Outcome.Allowed, other: Outcome.Hidden, admin: Outcome.Hidden, provider: Outcome.Hidden);

    private static readonly Dictionary<Who, Outcome> IntroductionSenderApi = Rule(own: Outcome.Denied, other: Outcome.Hidden, admin: Outcome.Hidden, provider: Outcome.Hidden);

    /// <summary>
    /// Returning professionals: enterprise users (those without an approved assessment are told how to get there, and see
    /// no one), partnerships officers and admins; never anyone else.
    /// </summary>
    private static readonly Dictionary<Who, Outcome> ProfessionalsReaders = Rule(own: Outcome.Allowed, other: Outcome.Allowed, admin: Outcome.Allowed);

    private static readonly Dictionary<Who, Outcome> AnalystsAndAdmin = Rule(analyst: Outcome.Allowed, admin: Outcome.Allowed);

    /// <summary>
    /// The expectation for every endpoint: its key ("METHOD /route", pages "METHOD /route?handler=name"), the URL it
    /// is called at, and the outcome per caller (anonymous callers of a non-public endpoint are always refused).
    /// </summary>
    public static readonly Expectation[] Expectations =
    [
        // Public: home, sign-in, register, verify, classify, health, OpenAPI and the API reference.
        Page("GET /", _ => "/", Public),
        Page("GET /account/sign-in", _ => "/account/sign-in", Public),
        Page("POST /account/sign-in", _ => "/account/sign-in", Public),
        Page("GET /account/register", _ => "/account/register", Public),
        Page("POST /account/register", _ => "/account/register", Public),
        Page("GET /account/sign-out", _ => "/account/sign-out", Public),
        Page("POST /account/sign-out", _ => "/account/sign-out", Public),
        Page("GET /account/access-denied", _ => "/account/access-denied", Public, answers: 403),
        Page("GET /account/change-password", _ => "/account/change-password", AnySignedIn),
        Page("POST /account/change-password", _ => "/account/change-password", AnySignedIn),
        Page("GET /language", _ => "/language", Public),
        Page("POST /language", _ => "/language", Public),
        Page("GET /error/{code:int?}", _ => "/error/404", Public),
        Page("POST /error/{code:int?}", _ => "/error/400", Public),
        Page("GET /verify", _ => "/verify", Public),
        Page("GET /verify/{id}", t => $"/verify/{t.CertificateA}", Public),
        Api("POST /api/v1/auth/login", _ => "/api/v1/auth/login", Public),
        Api("POST /api/v1/auth/logout", _ => "/api/v1/auth/logout", AnySignedIn) with { Answers = 204 },
        Api("GET /api/v1/classify/{code}", _ => "/api/v1/classify/26101", Public),
        Api("GET /api/v1/classify/", _ => "/api/v1/classify/?q=semiconductor", Public),
        Api("GET /api/v1/certificates/{id}/verify", t => $"/api/v1/certificates/{t.CertificateA}/verify", Public),
        Api("POST /api/v1/certificates/verify", _ => "/api/v1/certificates/verify", Public),
        Api("GET /api/v1/certificates/keys", _ => "/api/v1/certificates/keys", Public),
        // Open data: the dashboard's published tables for anyone.
        Page("GET /open-data", _ => "/open-data", Public),
        Api("GET /api/v1/indicators/", _ => "/api/v1/indicators/", Public),
        Api("GET /api/v1/indicators/{table}", _ => "/api/v1/indicators/by_district?format=csv", Public),
        Api("* /health/ready", _ => "/health/ready", Public),
        Api("* /health/live", _ => "/health/live", Public),
        // Prometheus scrapes from the machine itself without signing in (tested in Operations/ObservabilityTests); from elsewhere only an admin.
        Api("* /metrics", _ => "/metrics", AdminOnly),
        Api("GET /openapi/{documentName}.json", _ => "/openapi/v1.json", Public),
        Api("GET /scalar/{documentName?}", _ => "/scalar/", Public),
        Api("GET /scalar/scalar.js", _ => "/scalar/scalar.js", Public),
        Api("GET /scalar/scalar.aspnetcore.js", _ => "/scalar/scalar.aspnetcore.js", Public),
        Api("GET /scalar/favicon.svg", _ => "/scalar/favicon.svg", Public),

        // The enterprise's own organisation (found from the sign-in, so there is no other organisation to ask for).
        Page("GET /enterprise", _ => "/enterprise", EnterpriseOnly),
        Page("GET /enterprise/details", _ => "/enterprise/details", EnterpriseOnly),
        Page("POST /enterprise/details", _ => "/enterprise/details", EnterpriseOnly),
        Page("GET /enterprise/register", _ => "/enterprise/register", EnterpriseOnly),
        Page("POST /enterprise/register", _ => "/enterprise/register", EnterpriseOnly),
        Page("GET /enterprise/register/location", _ => "/enterprise/register/location", EnterpriseOnly),
        Page("POST /enterprise/register/location", _ => "/enterprise/register/location", EnterpriseOnly),
        Page("GET /enterprise/register/size", _ => "/enterprise/register/size", EnterpriseOnly),
        Page("POST /enterprise/register/size", _ => "/enterprise/register/size", EnterpriseOnly),
        Page("GET /enterprise/register/check", _ => "/enterprise/register/check", EnterpriseOnly),
        Page("POST /enterprise/register/check", _ => "/enterprise/register/check", EnterpriseOnly),
        Page("GET /enterprise/register/done", _ => "/enterprise/register/done", EnterpriseOnly),
        Page("GET /enterprise/activities/find", _ => "/enterprise/activities/find?q=semiconductor", EnterpriseOnly),
        Page("POST /enterprise/activities/find", _ => "/enterprise/activities/find", EnterpriseOnly),
        Page("GET /enterprise/activities/add/{code}", _ => "/enterprise/activities/add/26101", EnterpriseOnly),
        Page("POST /enterprise/activities/add/{code}", _ => "/enterprise/activities/add/26101", EnterpriseOnly),
        Page("GET /enterprise/units/add", _ => "/enterprise/units/add", EnterpriseOnly),
        Page("POST /enterprise/units/add", _ => "/enterprise/units/add", EnterpriseOnly),
        Page("GET /assessments", _ => "/assessments", EnterpriseOnly),
        Page("GET /assessments/start", _ => "/assessments/start", EnterpriseOnly),
        Page("POST /assessments/start", _ => "/assessments/start", EnterpriseOnly),

        // Organisation A's units and activities, by id.
        Page("GET /enterprise/units/{id:guid}", t => $"/enterprise/units/{t.UnitA}", OwnerOnly),
        Page("POST /enterprise/units/{id:guid}", t => $"/enterprise/units/{t.UnitA}", OwnerOnly),
        Page("GET /enterprise/units/{id:guid}/remove", t => $"/enterprise/units/{t.UnitA}/remove", OwnerOnly),
        Page("POST /enterprise/units/{id:guid}/remove", t => $"/enterprise/units/{t.UnitA}/remove", OwnerOnly),
        Page("GET /enterprise/activities/{id:guid}", t => $"/enterprise/activities/{t.ActivityA}", OwnerOnly),
        Page("POST /enterprise/activities/{id:guid}", t => $"/enterprise/activities/{t.ActivityA}", OwnerOnly),
        Page("GET /enterprise/activities/{id:guid}/remove", t => $"/enterprise/activities/{t.ActivityA}/remove", OwnerOnly),
        Page("POST /enterprise/activities/{id:guid}/remove", t => $"/enterprise/activities/{t.ActivityA}/remove", OwnerOnly),

        // Assessment A's pages.
        Page("GET /assessments/{id:guid}", t => $"/assessments/{t.AssessmentA}", OwnerOnly),
        Page("GET /assessments/{id:guid}/check", t => $"/assessments/{t.AssessmentA}/check", OwnerOnly),
        Page("POST /assessments/{id:guid}/check", t => $"/assessments/{t.AssessmentA}/check", OwnerOnly),
        Page("GET /assessments/{id:guid}/inputs/{group}", t => $"/assessments/{t.AssessmentA}/inputs/{t.GroupA}", OwnerOnly),
        Page("POST /assessments/{id:guid}/inputs/{group}", t => $"/assessments/{t.AssessmentA}/inputs/{t.GroupA}", OwnerOnly),
        Page("GET /assessments/{id:guid}/evidence/{inputId}", t => $"/assessments/{t.AssessmentA}/evidence/{t.InputA}", OwnerOnly),
        Page("POST /assessments/{id:guid}/evidence/{inputId}?handler=upload", t => $"/assessments/{t.AssessmentA}/evidence/{t.InputA}?handler=upload", OwnerOnly),
        Page("POST /assessments/{id:guid}/evidence/{inputId}?handler=remove", t => $"/assessments/{t.AssessmentA}/evidence/{t.InputA}?handler=remove", OwnerOnly),
        Page("GET /assessments/{id:guid}/result", t => $"/assessments/{t.AssessmentA}/result", ReadersAnyRole),
        Page("GET /assessments/{id:guid}/files/{fileId:guid}", t => $"/assessments/{t.AssessmentA}/files/{t.EvidenceA}", ReadersAnyRole),
        Page("GET /reviews/evidence/{fileId:guid}", t => $"/reviews/evidence/{t.EvidenceA}", ReadersAnyRole),
        Page("GET /certificates/for-assessment/{assessmentId:guid}", t => $"/certificates/for-assessment/{t.AssessmentA}", CertificateHolders),
        Page("GET /certificates/{id}.pdf", t => $"/certificates/{t.CertificateA}.pdf", CertificateHolders),

        // Reviews.
        Page("GET /reviews", _ => "/reviews", AssessorsQueue),
        Page("GET /reviews/{id:guid}", t => $"/reviews/{t.AssessmentA}", AssignedOnly),
        Page("POST /reviews/{id:guid}?handler=take", t => $"/reviews/{t.AssessmentA}?handler=take", AssignedOnly),
        Page("POST /reviews/{id:guid}?handler=input", t => $"/reviews/{t.AssessmentA}?handler=input", AssignedOnly),
        Page("POST /reviews/{id:guid}?handler=approve", t => $"/reviews/{t.AssessmentA}?handler=approve", AssignedOnly),
        Page("POST /reviews/{id:guid}?handler=return", t => $"/reviews/{t.AssessmentA}?handler=return", AssignedOnly),

        // Administration and analytics.
        Page("GET /admin", _ => "/admin", AdminOnly),
        Page("GET /admin/users", _ => "/admin/users", AdminOnly),
        Page("POST /admin/users?handler=lock", t => $"/admin/users?handler=lock&userId={t.StaffUser}", AdminOnly),
        Page("POST /admin/users?handler=unlock", t => $"/admin/users?handler=unlock&userId={t.StaffUser}", AdminOnly),
        Page("POST /admin/users?handler=role", t => $"/admin/users?handler=role&userId={t.StaffUser}", AdminOnly),
        Page("GET /admin/users/new", _ => "/admin/users/new", AdminOnly),
        Page("POST /admin/users/new", _ => "/admin/users/new", AdminOnly),
        Page("GET /admin/frameworks", _ => "/admin/frameworks", AdminOnly),
        Page("POST /admin/frameworks?handler=activate", _ => "/admin/frameworks?handler=activate", AdminOnly),
        Page("GET /admin/frameworks/upload", _ => "/admin/frameworks/upload", AdminOnly),
        Page("POST /admin/frameworks/upload", _ => "/admin/frameworks/upload", AdminOnly),
        Page("GET /admin/certificates", _ => "/admin/certificates", AdminOnly),
        Page("GET /admin/certificates/{id}", t => $"/admin/certificates/{t.CertificateA}", AdminOnly),
        Page("POST /admin/certificates/{id}", t => $"/admin/certificates/{t.CertificateA}", AdminOnly),
        Page("GET /analytics", _ => "/analytics", AnalystsAndAdmin),
        Page("GET /analytics/what-if", _ => "/analytics/what-if", AnalystsAndAdmin),
        Page("POST /analytics/what-if", _ => "/analytics/what-if", AnalystsAndAdmin),
        Page("GET /analytics/what-if/change", _ => "/analytics/what-if/change", AnalystsAndAdmin),
        Page("POST /analytics/what-if/change", _ => "/analytics/what-if/change", AnalystsAndAdmin),
        Page("GET /analytics/what-if/{id:guid}", t => $"/analytics/what-if/{t.WhatIfRunA}", AnalystsAndAdmin),
        Page("POST /analytics/what-if/{id:guid}?handler=publish", t => $"/analytics/what-if/{t.WhatIfRunA}?handler=publish", AdminOnly),
        Page("GET /analytics/what-if/compare", t => $"/analytics/what-if/compare?run={t.WhatIfRunA}&run={t.WhatIfRunA}", AnalystsAndAdmin),

        // Bulk import of a department's providers list: partnerships officers and admins (a rejects file is the importer's own: 404 to anyone else).
        Page("GET /provider-import", _ => "/provider-import", AdminOnly),
        Page("POST /provider-import?handler=import", _ => "/provider-import?handler=import", AdminOnly),
        Page("GET /provider-import?handler=rejects", _ => $"/provider-import?handler=rejects&id={Guid.Empty}", AdminOnly, answers: 404),
        Api("POST /api/v1/providers/import/", _ => "/api/v1/providers/import", AdminOnly),

        // Digital maturity: pages and API, the enterprise's own only.
        Page("GET /maturity", _ => "/maturity", EnterpriseOwnList),
        Page("GET /maturity/start", _ => "/maturity/start", EnterpriseOnly),
        Page("POST /maturity/start", _ => "/maturity/start", EnterpriseOnly),
        Page("GET /maturity/{id:guid}", t => $"/maturity/{t.MaturityA}", MaturityOwner),
        Page("POST /maturity/{id:guid}?handler=complete", t => $"/maturity/{t.MaturityA}?handler=complete", MaturityOwner),
        Page("POST /maturity/{id:guid}?handler=apply", t => $"/maturity/{t.MaturityA}?handler=apply", MaturityOwner),
        Page("GET /maturity/{id:guid}/screen/{step:int}", t => $"/maturity/{t.MaturityA}/screen/1", MaturityOwner),
        Page("POST /maturity/{id:guid}/screen/{step:int}", t => $"/maturity/{t.MaturityA}/screen/1", MaturityOwner),
        Page("GET /maturity/{id:guid}/modules/{module}", t => $"/maturity/{t.MaturityA}/modules/{t.MaturityModuleA}", MaturityOwner),
        Page("POST /maturity/{id:guid}/modules/{module}", t => $"/maturity/{t.MaturityA}/modules/{t.MaturityModuleA}", MaturityOwner),
        Page("GET /maturity/{id:guid}/report.pdf", t => $"/maturity/{t.MaturityA}/report.pdf", MaturityOwner),
        Api("GET /api/v1/maturity/assessments/", _ => "/api/v1/maturity/assessments/", EnterpriseOwnList),
        Api("POST /api/v1/maturity/assessments/", _ => "/api/v1/maturity/assessments/", EnterpriseOnly),
        Api("GET /api/v1/maturity/assessments/{id:guid}", t => $"/api/v1/maturity/assessments/{t.MaturityA}", MaturityOwner),
        Api("PUT /api/v1/maturity/assessments/{id:guid}/answers", t => $"/api/v1/maturity/assessments/{t.MaturityA}/answers", MaturityOwner),
        Api("POST /api/v1/maturity/assessments/{id:guid}/complete", t => $"/api/v1/maturity/assessments/{t.MaturityA}/complete", MaturityOwner),

        // Needs and matching: an enterprise's own needs; a provider's open needs.
        Page("GET /needs", _ => "/needs", EnterpriseOwnList),
        Page("GET /needs/new", _ => "/needs/new", EnterpriseOnly),
        Page("POST /needs/new", _ => "/needs/new", EnterpriseOnly),
        Page("GET /needs/{id:guid}", t => $"/needs/{t.NeedA}", NeedOwner),
        Page("POST /needs/{id:guid}?handler=status", t => $"/needs/{t.NeedA}?handler=status", NeedOwner),
        Page("GET /provider/needs", _ => "/provider/needs", ProviderOnly),
        Api("GET /api/v1/needs/", _ => "/api/v1/needs/", EnterpriseOwnList),
        Api("POST /api/v1/needs/", _ => "/api/v1/needs/", EnterpriseOnly),
        Api("GET /api/v1/needs/{id:guid}", t => $"/api/v1/needs/{t.NeedA}", NeedOwner),
        Api("PATCH /api/v1/needs/{id:guid}", t => $"/api/v1/needs/{t.NeedA}", NeedOwner),
        Api("GET /api/v1/needs/{id:guid}/matches", t => $"/api/v1/needs/{t.NeedA}/matches", NeedOwner),
        // The matrix's provider has a draft profile: the open needs are refused with 409 until it is verified.
        new Expectation("GET /api/v1/provider/needs", _ => "/api/v1/provider/needs", ProviderOnly, IsApi: true, Answers: 409),

        // API: organisations, units, activities.
        Api("GET /api/v1/organisations/", _ => "/api/v1/organisations/", ListOfReaders),
        Api("POST /api/v1/organisations/", _ => "/api/v1/organisations/", EnterpriseOnly),
        Api("GET /api/v1/organisations/{id:guid}", t => $"/api/v1/organisations/{t.OrganisationA}", Readers),
        Api("PUT /api/v1/organisations/{id:guid}", t => $"/api/v1/organisations/{t.OrganisationA}", OwnerOnly),
        Api("GET /api/v1/organisations/{id:guid}/units", t => $"/api/v1/organisations/{t.OrganisationA}/units", Readers),
        Api("POST /api/v1/organisations/{id:guid}/units", t => $"/api/v1/organisations/{t.OrganisationA}/units", OwnerOnly),
        Api("PUT /api/v1/organisations/{id:guid}/units/{unitId:guid}", t => $"/api/v1/organisations/{t.OrganisationA}/units/{t.UnitA}", OwnerOnly),
        Api("DELETE /api/v1/organisations/{id:guid}/units/{unitId:guid}", t => $"/api/v1/organisations/{t.OrganisationA}/units/{t.UnitA}", OwnerOnly),
        Api("GET /api/v1/organisations/{id:guid}/activities", t => $"/api/v1/organisations/{t.OrganisationA}/activities", Readers),
        Api("POST /api/v1/organisations/{id:guid}/activities", t => $"/api/v1/organisations/{t.OrganisationA}/activities", OwnerOnly),
        Api("PUT /api/v1/organisations/{id:guid}/activities/{activityId:guid}", t => $"/api/v1/organisations/{t.OrganisationA}/activities/{t.ActivityA}", OwnerOnly),
        Api("DELETE /api/v1/organisations/{id:guid}/activities/{activityId:guid}", t => $"/api/v1/organisations/{t.OrganisationA}/activities/{t.ActivityA}", OwnerOnly),

        // API: assessments.
        Api("GET /api/v1/assessments/", _ => "/api/v1/assessments/", ListOfReaders),
        Api("POST /api/v1/assessments/", _ => "/api/v1/assessments/", EnterpriseOnly),
        Api("GET /api/v1/assessments/{id:guid}", t => $"/api/v1/assessments/{t.AssessmentA}", Readers),
        Api("PUT /api/v1/assessments/{id:guid}/inputs", t => $"/api/v1/assessments/{t.AssessmentA}/inputs", OwnerOnly),
        Api("POST /api/v1/assessments/{id:guid}/evidence", t => $"/api/v1/assessments/{t.AssessmentA}/evidence", OwnerOnly),
        Api("GET /api/v1/assessments/{id:guid}/evidence/{fileId:guid}", t => $"/api/v1/assessments/{t.AssessmentA}/evidence/{t.EvidenceA}", Readers),
        Api("POST /api/v1/assessments/{id:guid}/submit", t => $"/api/v1/assessments/{t.AssessmentA}/submit", OwnerOnly),
        Api("GET /api/v1/assessments/{id:guid}/result", t => $"/api/v1/assessments/{t.AssessmentA}/result", Readers),

        // API: reviews.
        Api("GET /api/v1/reviews/", _ => "/api/v1/reviews/", AssessorsQueue),
        Api("GET /api/v1/reviews/{assessmentId:guid}", t => $"/api/v1/reviews/{t.AssessmentA}", AssignedOnly),
        Api("POST /api/v1/reviews/{assessmentId:guid}/take", t => $"/api/v1/reviews/{t.AssessmentA}/take", AssignedOnly),
        Api("POST /api/v1/reviews/{assessmentId:guid}/inputs/{inputId:guid}", t => $"/api/v1/reviews/{t.AssessmentA}/inputs/{t.InputRowA}", AssignedOnly),
        Api("POST /api/v1/reviews/{assessmentId:guid}/approve", t => $"/api/v1/reviews/{t.AssessmentA}/approve", AssignedOnly),
        Api("POST /api/v1/reviews/{assessmentId:guid}/return", t => $"/api/v1/reviews/{t.AssessmentA}/return", AssignedOnly),

        // API: certificates and analytics.
        Api("GET /api/v1/certificates/{id}", t => $"/api/v1/certificates/{t.CertificateA}", CertificateHolders),
        Api("GET /api/v1/certificates/{id}/pdf", t => $"/api/v1/certificates/{t.CertificateA}/pdf", CertificateHolders),
        Api("POST /api/v1/certificates/{id}/revoke", t => $"/api/v1/certificates/{t.CertificateA}/revoke", AdminOnly),
        Api("GET /api/v1/analytics/aggregates", _ => "/api/v1/analytics/aggregates", AnalystsAndAdmin),
        Api("GET /api/v1/analytics/dashboard", _ => "/api/v1/analytics/dashboard", AnalystsAndAdmin),

        // Providers and the directory (a provider against another provider: Providers/ProfessionalsAndErasureTests).
        Page("GET /provider/register", _ => "/provider/register", Public),
        Page("POST /provider/register", _ => "/provider/register", Public),
        Page("GET /provider/withdrawn", _ => "/provider/withdrawn", Public),
        Page("GET /directory", _ => "/directory", Public),
        Page("GET /professionals", _ => "/professionals", ProfessionalsReaders),
        Page("GET /directory/{id:guid}", _ => $"/directory/{CollaborationTargets.ListedProvider}", Public),
        Page("GET /provider/profile", _ => "/provider/profile", ProviderOnly),
        Page("POST /provider/profile", _ => "/provider/profile", ProviderOnly),
        Page("POST /provider/profile?handler=submit", _ => "/provider/profile?handler=submit", ProviderOnly),
        Page("POST /provider/profile?handler=confirm", _ => "/provider/profile?handler=confirm", ProviderOnly),
        Page("GET /provider/withdraw", _ => "/provider/withdraw", ProviderOnly),
        Page("POST /provider/withdraw", _ => "/provider/withdraw", ProviderOnly),
        Page("GET /provider-verification", _ => "/provider-verification", AdminOnly),
        Page("POST /provider-verification?handler=verify", _ => "/provider-verification?handler=verify", AdminOnly),
        Page("POST /provider-verification?handler=refuse", _ => "/provider-verification?handler=refuse", AdminOnly),
        Api("GET /api/v1/providers/", _ => "/api/v1/providers/?q=security", Public),
        Api("GET /api/v1/providers/{id:guid}", _ => $"/api/v1/providers/{CollaborationTargets.ListedProvider}", Public),
        Api("POST /api/v1/providers/", _ => "/api/v1/providers/", ProviderOnly),
        Api("GET /api/v1/providers/mine", _ => "/api/v1/providers/mine", ProviderOnly),
        Api("PUT /api/v1/providers/mine", _ => "/api/v1/providers/mine", ProviderOnly),
        // Without ?confirm=erase the erasure is refused (400), so the provider caller keeps its account.
        Api("DELETE /api/v1/providers/mine", _ => "/api/v1/providers/mine", ProviderOnly),
        Api("POST /api/v1/providers/mine/submit", _ => "/api/v1/providers/mine/submit", ProviderOnly),
        Api("POST /api/v1/providers/mine/confirm", _ => "/api/v1/providers/mine/confirm", ProviderOnly),
        Api("GET /api/v1/providers/verification", _ => "/api/v1/providers/verification", AdminOnly),
        Api("POST /api/v1/providers/{id:guid}/verify", _ => $"/api/v1/providers/{CollaborationTargets.ListedProvider}/verify", AdminOnly),
        Api("POST /api/v1/providers/{id:guid}/refuse", _ => $"/api/v1/providers/{CollaborationTargets.ListedProvider}/refuse", AdminOnly),

        // Introductions and notifications (organisation A answers a provider's expression of interest).
        Page("GET /introductions", _ => "/introductions", OwnSideList),
        Page("GET /introductions/send", _ => $"/introductions/send?need={IntroductionTargets.NeedA}&provider={IntroductionTargets.ProviderA}", IntroductionSendPage),
        Page("POST /introductions/send", _ => $"/introductions/send?need={IntroductionTargets.NeedA}&provider={IntroductionTargets.ProviderA}", IntroductionSendPage),
        Page("GET /introductions/{id:guid}", _ => $"/introductions/{IntroductionTargets.IntroductionA}", IntroductionReaders),
        Page("POST /introductions/{id:guid}?handler=accept", _ => $"/introductions/{IntroductionTargets.IntroductionA}?handler=accept", IntroductionSide),
        Page("POST /introductions/{id:guid}?handler=decline", _ => $"/introductions/{IntroductionTargets.IntroductionA}?handler=decline", IntroductionSide),
        Page("POST /introductions/{id:guid}?handler=withdraw", _ => $"/introductions/{IntroductionTargets.IntroductionA}?handler=withdraw", IntroductionSender),
        Page("POST /introductions/{id:guid}?handler=message", _ => $"/introductions/{IntroductionTargets.IntroductionA}?handler=message", IntroductionSide),
        Page("GET /introductions/overdue", _ => "/introductions/overdue", AdminOnly),
        Page("GET /notifications", _ => "/notifications", AnySignedIn),
        Page("GET /account/settings", _ => "/account/settings", AnySignedIn),
        Page("POST /account/settings", _ => "/account/settings", AnySignedIn),
        Api("POST /api/v1/introductions/", _ => "/api/v1/introductions/", EitherSide),
        Api("GET /api/v1/introductions/", _ => "/api/v1/introductions/", OwnSideList),
        Api("GET /api/v1/introductions/{id:guid}", _ => $"/api/v1/introductions/{IntroductionTargets.IntroductionA}", IntroductionReadersApi),
        Api("POST /api/v1/introductions/{id:guid}/accept", _ => $"/api/v1/introductions/{IntroductionTargets.IntroductionA}/accept", IntroductionSideApi),
        Api("POST /api/v1/introductions/{id:guid}/decline", _ => $"/api/v1/introductions/{IntroductionTargets.IntroductionA}/decline", IntroductionSideApi),
        Api("POST /api/v1/introductions/{id:guid}/withdraw", _ => $"/api/v1/introductions/{IntroductionTargets.IntroductionA}/withdraw", IntroductionSenderApi),
        Api("GET /api/v1/introductions/{id:guid}/messages", _ => $"/api/v1/introductions/{IntroductionTargets.IntroductionA}/messages", IntroductionReadersApi),
        Api("POST /api/v1/introductions/{id:guid}/messages", _ => $"/api/v1/introductions/{IntroductionTargets.IntroductionA}/messages", IntroductionSideApi),

        // Partnerships (organisation A's, from an accepted introduction): its sides change it, officers and admins read it.
        Page("GET /partnerships", _ => "/partnerships", PartnershipList),
        // Organisation A's introduction already has its partnership: its side is sent on to it.
        Page("GET /partnerships/new", _ => $"/partnerships/new?introduction={PartnershipTargets.IntroductionA}", PartnershipRecorders),
        Page("POST /partnerships/new", _ => $"/partnerships/new?introduction={PartnershipTargets.IntroductionA}", PartnershipRecorders),
        Page("GET /partnerships/{id:guid}", _ => $"/partnerships/{PartnershipTargets.PartnershipA}", IntroductionReaders),
        Page("POST /partnerships/{id:guid}?handler=tick", _ => $"/partnerships/{PartnershipTargets.PartnershipA}?handler=tick", IntroductionSide),
        Page("POST /partnerships/{id:guid}?handler=outcome", _ => $"/partnerships/{PartnershipTargets.PartnershipA}?handler=outcome", IntroductionSide),
        Page("POST /partnerships/{id:guid}?handler=followup", _ => $"/partnerships/{PartnershipTargets.PartnershipA}?handler=followup", IntroductionSide),
        Page("POST /partnerships/{id:guid}?handler=rate", _ => $"/partnerships/{PartnershipTargets.PartnershipA}?handler=rate", IntroductionSide),
        Api("POST /api/v1/partnerships/", _ => "/api/v1/partnerships/", EitherSide),
        Api("GET /api/v1/partnerships/", _ => "/api/v1/partnerships/", PartnershipList),
        Api("GET /api/v1/partnerships/{id:guid}", _ => $"/api/v1/partnerships/{PartnershipTargets.PartnershipA}", IntroductionReadersApi),
        Api("POST /api/v1/partnerships/{id:guid}/milestones/{milestoneId:guid}", _ => $"/api/v1/partnerships/{PartnershipTargets.PartnershipA}/milestones/{PartnershipTargets.MilestoneA}", IntroductionSideApi),
        Api("POST /api/v1/partnerships/{id:guid}/outcome", _ => $"/api/v1/partnerships/{PartnershipTargets.PartnershipA}/outcome", IntroductionSideApi),
        Api("POST /api/v1/partnerships/{id:guid}/follow-ups/{followUpId:guid}", _ => $"/api/v1/partnerships/{PartnershipTargets.PartnershipA}/follow-ups/{PartnershipTargets.FollowUpA}", IntroductionSideApi),
        Api("POST /api/v1/partnerships/{id:guid}/rating", _ => $"/api/v1/partnerships/{PartnershipTargets.PartnershipA}/rating", IntroductionSideApi),
    ];

    [Fact]
    public async Task Every_endpoint_has_an_expectation()
    {
        var discovered = await DiscoverAsync(fixture.Factory.Services);
        var expected = Expectations.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var missing = discovered.Where(k => !expected.Contains(k)).Order(StringComparer.Ordinal).ToList();
        var stale = expected.Where(k => !discovered.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && stale.Count == 0,
            (missing.Count > 0 ? $"Endpoints with no expectation in AuthorisationMatrixTests.Expectations (add one per endpoint: who may call it):\n  {string.Join("\n  ", missing)}\n" : "")
            + (stale.Count > 0 ? $"Expectations for endpoints that no longer exist (remove them):\n  {string.Join("\n  ", stale)}" : ""));
        Assert.Equal(Expectations.Length, expected.Count);
    }

    [Fact]
    public Task Api_endpoints_answer_each_caller_as_expected() => CheckAsync(api: true);

    [Fact]
    public Task Pages_answer_each_caller_as_expected() => CheckAsync(api: false);

    /// <summary>The keys of every endpoint the app maps: "METHOD /route", and for page handlers with a name "?handler=name".</summary>
    internal static async Task<HashSet<string>> DiscoverAsync(IServiceProvider services)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page answers GET even without an OnGet; its other handlers are read from the compiled page.
                keys.Add($"GET {route}");
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    keys.Add($"{handler.HttpMethod.ToUpperInvariant()} {route}{(string.IsNullOrEmpty(handler.Name) ? "" : "?handler=" + handler.Name.ToLowerInvariant())}");
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                foreach (var method in methods)
                {
                    keys.Add($"{method} {route}");
                }
            }
        }

        return keys;
    }

    private async Task CheckAsync(bool api)
    {
        var failures = new StringBuilder();
        var checkedCount = 0;
        foreach (var expectation in Expectations.Where(e => e.IsApi == api))
        {
            foreach (var who in Callers)
            {
                var outcome = who == Who.Anonymous ? expectation.Anonymous : expectation.Outcomes[who];
                var url = expectation.Url(fixture.Targets);
                var withToken = !api && expectation.Method != "GET" && outcome is not Outcome.Allowed;
                var body = outcome is Outcome.Allowed or Outcome.Filtered ? Body(expectation) : Probe(expectation, fixture.Targets);
                using var response = await fixture.SendAsync(who, new HttpMethod(expectation.Method == "*" ? "GET" : expectation.Method), url, body, api, withToken);
                var problem = Judge(expectation, who, outcome, response, await response.Content.ReadAsStringAsync());
                if (expectation.Key == "POST /api/v1/auth/logout")
                {
                    // Signing out ended every session of that caller: later lines need new ones.
                    fixture.ForgetSessions(who);
                }

                checkedCount++;
                if (problem is not null)
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"  {expectation.Key} as {who} ({url}): expected {(who == Who.Anonymous && outcome != Outcome.Allowed ? "sign-in required" : outcome.ToString())}, got {problem}");
                }
            }
        }

        Assert.True(checkedCount > 0);
        Assert.True(failures.Length == 0, $"Authorisation matrix ({(api ? "API" : "pages")}, {WebAppFactory.Provider}) failures:\n{failures}");
    }

    /// <summary>Null when the response is what the caller should get; else a description of what came back.</summary>
    private string? Judge(Expectation expectation, Who who, Outcome outcome, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        var got = $"{status}{(location.Length > 0 ? " -> " + location : "")}";
        var toSignIn = status == 302 && location.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase);
        var toDenied = status == 302 && location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase);
        if (status >= 500)
        {
            return got + " (a server error)";
        }

        if (who == Who.Anonymous && outcome != Outcome.Allowed)
        {
            return (expectation.IsApi ? status == 401 : toSignIn) ? null : got;
        }

        switch (outcome)
        {
            case Outcome.Denied:
                return status == 403 || (!expectation.IsApi && toDenied) ? null : got;
            case Outcome.Hidden:
                return status is 403 or 404 || (!expectation.IsApi && toDenied) ? null : got;
            case Outcome.Allowed:
            case Outcome.Filtered:
                if (expectation.Answers is { } answers)
                {
                    return status == answers ? null : got;
                }

                if (status is 401 or 403 || toSignIn || toDenied)
                {
                    return got + " (refused)";
                }

                if (expectation.Method is "GET" or "*")
                {
                    if (status >= 400)
                    {
                        return got;
                    }
                }
                else if (!expectation.IsApi && !expectation.IsPublic)
                {
                    // Sent without the antiforgery token: getting as far as that check means authorisation let it through.
                    if (status != 400)
                    {
                        return got + " (a page POST without the antiforgery token must answer 400)";
                    }
                }
                else if (status == 404)
                {
                    return got;
                }

                if (outcome == Outcome.Filtered && Mentions(body))
                {
                    return got + " carrying organisation A's data";
                }

                return null;
            default:
                return got;
        }
    }

    private bool Mentions(string body)
    {
        var t = fixture.Targets;
        return body.Contains(t.OrganisationA.ToString(), StringComparison.OrdinalIgnoreCase)
            || body.Contains(t.AssessmentA.ToString(), StringComparison.OrdinalIgnoreCase)
            || body.Contains(t.MaturityA.ToString(), StringComparison.OrdinalIgnoreCase)
            || body.Contains(IntroductionTargets.IntroductionA.ToString(), StringComparison.OrdinalIgnoreCase)
            || body.Contains(t.NeedA.ToString(), StringComparison.OrdinalIgnoreCase)
            || body.Contains(PartnershipTargets.PartnershipA.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Changes are sent empty: JSON "{}" to the API (multipart for the upload), an empty form to pages.</summary>
    private static HttpContent? Body(Expectation expectation) => expectation.Method switch
    {
        "GET" or "*" or "DELETE" => null,
        // An empty body would start or finish a maturity assessment; these stop at validation (400) or the version (409).
        _ when expectation.Key == "POST /api/v1/maturity/assessments/" => new StringContent("""{"answers":{"no-such-question":"x"}}""", Encoding.UTF8, "application/json"),
        _ when expectation.Key == "POST /api/v1/maturity/assessments/{id:guid}/complete" => new StringContent("""{"version":-1}""", Encoding.UTF8, "application/json"),
        _ when !expectation.IsApi => new FormUrlEncodedContent([]),
        _ when expectation.Key.EndsWith("/evidence", StringComparison.Ordinal) || expectation.Key == "POST /api/v1/providers/import/" => new MultipartFormDataContent(),
        _ => new StringContent("{}", Encoding.UTF8, "application/json"),
    };

    /// <summary>
    /// What callers who must be refused send: a well-formed change, so that a handler which checks the body before
    /// the caller is made to reach its access check (an empty body would stop at validation with 400).
    /// </summary>
    private static HttpContent? Probe(Expectation expectation, Targets t)
    {
        if (!expectation.IsApi)
        {
            return Body(expectation);
        }

        return expectation.Key switch
        {
            "POST /api/v1/assessments/" => Json($$"""{"organisationId":"{{t.OrganisationA}}","year":2001}"""),
            "PUT /api/v1/assessments/{id:guid}/inputs" => Json("""{"version":1,"inputs":{}}"""),
            "POST /api/v1/assessments/{id:guid}/submit" => Json("""{"version":1}"""),
            "POST /api/v1/assessments/{id:guid}/evidence" => Upload(t),
            "PUT /api/v1/maturity/assessments/{id:guid}/answers" => Json("""{"version":1,"answers":{}}"""),
            "POST /api/v1/maturity/assessments/{id:guid}/complete" => Json("""{"version":1}"""),
            _ => Body(expectation),
        };

        static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

        static MultipartFormDataContent Upload(Targets t)
        {
            var file = new ByteArrayContent(TestHost.Pdf("Not yours"));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            return new MultipartFormDataContent { { new StringContent(t.InputA), "inputId" }, { file, "file", "not-yours.pdf" } };
        }
    }

    private static Dictionary<Who, Outcome> Rule(
        Outcome own = Outcome.Denied,
        Outcome other = Outcome.Denied,
        Outcome assigned = Outcome.Denied,
        Outcome otherAssessor = Outcome.Denied,
        Outcome analyst = Outcome.Denied,
        Outcome admin = Outcome.Denied,
        Outcome provider = Outcome.Denied) => new()
        {
            [Who.Anonymous] = Outcome.Denied,
            [Who.OwnEnterprise] = own,
            [Who.OtherEnterprise] = other,
            [Who.AssignedAssessor] = assigned,
            [Who.OtherAssessor] = otherAssessor,
            [Who.Analyst] = analyst,
            [Who.Admin] = admin,
            [Who.Provider] = provider,
        };

    private static Expectation Api(string key, Func<Targets, string> url, Dictionary<Who, Outcome> outcomes) => new(key, url, outcomes, IsApi: true);

    /// <summary>A page; <paramref name="answers"/> is the status allowed callers get when it is not the usual (the access-denied page answers 403).</summary>
    private static Expectation Page(string key, Func<Targets, string> url, Dictionary<Who, Outcome> outcomes, int? answers = null) => new(key, url, outcomes, IsApi: false, answers);

    /// <summary>One endpoint: its key, where to call it, and what each caller gets.</summary>
    public sealed record Expectation(string Key, Func<Targets, string> Url, Dictionary<Who, Outcome> Outcomes, bool IsApi, int? Answers = null)
    {
        public string Method => Key[..Key.IndexOf(' ', StringComparison.Ordinal)];

        public bool IsPublic => Outcomes[Who.Anonymous] == Outcome.Allowed;

        public Outcome Anonymous => Outcomes[Who.Anonymous];
    }
}
