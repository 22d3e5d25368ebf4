import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@impact/contracts';
import { loginResponse } from '../../testing/auth-fixtures';
import { translocoTesting } from '../../testing/transloco-testing';
import { canGuard, landingPage, signedInGuard, signedOutGuard, soleHub } from './auth.guards';
import { AUTH_URLS, AuthService } from './auth.service';

@Component({ template: 'page' })
class Page {}

function setup(role: Role | null) {
  localStorage.clear();
  TestBed.configureTestingModule({
    imports: [translocoTesting()],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'sign-in', canActivate: [signedOutGuard], component: Page },
        {
          path: '',
          canActivate: [signedInGuard],
          children: [
            { path: 'dashboard', component: Page },
            { path: 'users', canActivate: [canGuard('users')], component: Page },
          ],
        },
      ]),
    ],
  });
  if (role) {
    TestBed.inject(AuthService).login('x@example.org', 'x').subscribe();
    TestBed.inject(HttpTestingController).expectOne(AUTH_URLS.login).flush(loginResponse(role));
  }
}

describe('route guards', () => {
  it('sends a signed-out visitor to sign-in with the page as returnUrl', async () => {
    setup(null);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/users?page=2');
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fusers%3Fpage%3D2');
  });

  it('lets an admin reach /users', async () => {
    setup('admin');
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/users');
    expect(TestBed.inject(Router).url).toBe('/users');
  });

  it.each<Role>(['leadership', 'hub_manager', 'city_liaison'])('keeps %s out of /users', async (role) => {
    setup(role);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/users');
    expect(TestBed.inject(Router).url).toBe('/dashboard');
  });

  it('sends a signed-in person away from the sign-in page', async () => {
    setup('leadership');
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/sign-in');
    expect(TestBed.inject(Router).url).not.toContain('sign-in');
  });
});

describe('where each role starts', () => {
  it('sends liaisons and hub managers to My work, leadership and admins to the dashboard', () => {
    expect(landingPage('city_liaison')).toBe('my-work');
    expect(landingPage('hub_manager')).toBe('my-work');
    expect(landingPage('leadership')).toBe('dashboard');
    expect(landingPage('admin')).toBe('dashboard');
    expect(landingPage(null)).toBe('dashboard');
  });

  it('prefills the hub only for a manager of exactly one hub', () => {
    expect(soleHub({ role: 'hub_manager', hubIds: ['esa'] })).toBe('esa');
    expect(soleHub({ role: 'hub_manager', hubIds: ['esa', 'mena'] })).toBeNull();
    expect(soleHub({ role: 'admin', hubIds: ['esa'] })).toBeNull();
    expect(soleHub(null)).toBeNull();
  });
});
