import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { loginResponse } from '../testing/auth-fixtures';
import { translocoTesting } from '../testing/transloco-testing';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { AUTH_URLS } from '../core/auth/auth.service';
import { SignInPage } from './sign-in.page';

async function render(returnUrl?: string) {
  localStorage.clear();
  TestBed.configureTestingModule({
    imports: [SignInPage, translocoTesting()],
    providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
  });
  const router = TestBed.inject(Router);
  jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  const fixture = TestBed.createComponent(SignInPage);
  if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const type = (selector: string, value: string) => {
    const input = el.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    el.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  return { el, fixture, type, submit, http: TestBed.inject(HttpTestingController), router };
}

describe('SignInPage', () => {
  it('shows inline messages instead of calling the API when fields are empty or invalid', async () => {
    const { el, type, submit, http, fixture } = await render();
    type('input[type=email]', 'not-an-address');
    await submit();
    fixture.detectChanges();
    expect(el.textContent).toContain('Enter a valid e-mail address');
    expect(el.textContent).toContain('Enter a password.');
    http.expectNone(AUTH_URLS.login);
  });

  it('says "E-mail or password is incorrect" on 401', async () => {
    const { el, type, submit, http, fixture } = await render();
    type('input[type=email]', 'someone@example.org');
    type('input[autocomplete=current-password]', 'wrong password!');
    await submit();
    http.expectOne(AUTH_URLS.login).flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('E-mail or password is incorrect.');
  });

  it('says how many minutes to wait on 429, from Retry-After', async () => {
    const { el, type, submit, http, fixture } = await render();
    type('input[type=email]', 'someone@example.org');
    type('input[autocomplete=current-password]', 'wrong password!');
    await submit();
    http
      .expectOne(AUTH_URLS.login)
      .flush({ statusCode: 429 }, { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '600' } });
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Too many attempts — try again in 10 minutes.');
  });

  it('goes back to the page asked for after signing in', async () => {
    const { type, submit, http, fixture, router } = await render('/users?page=2');
    type('input[type=email]', 'admin@example.org');
    type('input[autocomplete=current-password]', 'correct horse battery');
    await submit();
    http.expectOne(AUTH_URLS.login).flush(loginResponse('admin'));
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/users?page=2');
  });
});
