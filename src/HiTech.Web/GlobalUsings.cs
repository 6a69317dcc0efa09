// The namespaces nearly every feature file uses, imported once for the whole web project.
global using HiTech.Core.Frameworks;
global using HiTech.Web.Data;
global using HiTech.Web.Data.Entities;
global using HiTech.Web.Features.Shared;
global using HiTech.Web.Infrastructure;
global using HiTech.Web.Infrastructure.Audit;
global using HiTech.Web.Infrastructure.Frameworks;
global using HiTech.Web.Infrastructure.Localization;
global using HiTech.Web.Kernel;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
